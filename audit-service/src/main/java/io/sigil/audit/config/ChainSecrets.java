package io.sigil.audit.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The audit store's key material: the chain's root key and the checkpoint signing seed, from configuration,
 * or, where allowed, the development keys derived from a public label (so anyone can forge with them, and
 * the log says so).
 */
// Created at start-up: missing keys stop the start, and the development-key warning comes before readiness.
@Startup
@ApplicationScoped
public class ChainSecrets {

    private static final Logger LOG = Logger.getLogger(ChainSecrets.class);
    private static final int KEY_BYTES = 32;

    private final Optional<byte[]> rootKey;
    private final byte[] signingSeed;
    private final boolean development;

    public ChainSecrets(AuditConfig config) {
        boolean allowDevelopment = config.allowDevelopmentKeys();
        boolean offline = config.chain().rootKeyOffline();
        if (offline && config.chain().rootKey().isPresent()) {
            throw new IllegalStateException("sigil.audit.chain.root-key-offline=true, yet sigil.audit.chain.root-key is"
                    + " set: remove the root key from this service's configuration, or the offline setting");
        }
        this.rootKey = offline
                ? Optional.empty()
                : Optional.of(resolve(
                        "sigil.audit.chain.root-key",
                        config.chain().rootKey(),
                        "sigil-mesh development audit root key",
                        allowDevelopment));
        if (offline) {
            LOG.info("the audit root key is held offline: sealing resumes from the stored epoch key, and the REST"
                    + " verifier checks sequence, links, digests and signed checkpoints but not the MACs;"
                    + " verify the MACs offline with the audit-ledger CLI and the root key");
        }
        this.signingSeed = resolve(
                "sigil.audit.checkpoints.signing-seed",
                config.checkpoints().signingSeed(),
                "sigil-mesh development checkpoint signing seed",
                allowDevelopment);
        this.development = (config.chain().rootKey().isEmpty() && !offline)
                || config.checkpoints().signingSeed().isEmpty();
        if (development) {
            LOG.warn("the audit chain uses the published development keys: its seals prove nothing;"
                    + " set sigil.audit.chain.root-key and sigil.audit.checkpoints.signing-seed for real use");
        }
    }

    /** A copy (callers may erase theirs); empty when the root key is held offline. */
    public Optional<byte[]> rootKey() {
        return rootKey.map(byte[]::clone);
    }

    public byte[] signingSeed() {
        return signingSeed.clone();
    }

    public boolean development() {
        return development;
    }

    private static byte[] resolve(String name, Optional<String> configured, String label, boolean allowDevelopment) {
        if (configured.isPresent()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.get().trim());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalStateException(name + " is not base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException(name + " must be " + KEY_BYTES + " bytes, not " + key.length);
            }
            return key;
        }
        if (!allowDevelopment) {
            throw new IllegalStateException(name + " is not set; the audit store does not start without its keys"
                    + " (sigil.audit.allow-development-keys=true only for development)");
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
