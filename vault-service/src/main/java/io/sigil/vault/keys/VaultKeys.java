package io.sigil.vault.keys;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.sigil.core.vault.EntryOpener;
import io.sigil.core.vault.X25519Keys;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The vault's X25519 key pair: gateways seal with its public half, and only this service holds the private one.
 * Without a configured key the service does not start, unless the published development key is allowed.
 */
// Created at start-up: a missing key stops the start, and the development-key warning comes before readiness.
@Startup
@ApplicationScoped
public class VaultKeys {

    private static final Logger LOG = Logger.getLogger(VaultKeys.class);

    private final int keyVersion;
    private final boolean development;
    private final EntryOpener opener;

    public VaultKeys(
            @ConfigProperty(name = "sigil.vault.private-key") Optional<String> privateKey,
            @ConfigProperty(name = "sigil.vault.key-version", defaultValue = "1") int keyVersion,
            @ConfigProperty(name = "sigil.vault.allow-development-keys") Optional<Boolean> allowDevelopment) {
        this.keyVersion = keyVersion;
        this.development = privateKey.isEmpty();
        this.opener = new EntryOpener(Map.of(
                keyVersion,
                raw(privateKey, allowDevelopment.orElse(LaunchMode.current().isDevOrTest()))));
    }

    public int keyVersion() {
        return keyVersion;
    }

    public boolean development() {
        return development;
    }

    /** The current public key, as gateways are configured with it. */
    public String publicKey() {
        return X25519Keys.encode(opener.publicKey(keyVersion));
    }

    public EntryOpener opener() {
        return opener;
    }

    private static byte[] raw(Optional<String> configured, boolean development) {
        if (configured.isPresent()) {
            try {
                return X25519Keys.decode(configured.get());
            } catch (IllegalArgumentException bad) {
                throw new IllegalStateException("sigil.vault.private-key: " + bad.getMessage());
            }
        }
        if (!development) {
            throw new IllegalStateException("sigil.vault.private-key is not set; the vault does not start without its"
                    + " key (sigil.vault.allow-development-keys=true only for development)");
        }
        LOG.warn("the vault holds the published development key: anyone can open its entries;"
                + " set sigil.vault.private-key for real use");
        return X25519Keys.developmentPrivateKey();
    }
}
