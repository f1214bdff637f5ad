package io.sigil.gateway.vault;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sigil.core.vault.EntrySealer;
import io.sigil.core.vault.X25519Keys;
import io.sigil.gateway.config.GatewayConfig;
import io.sigil.runtime.messaging.TopicMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

/**
 * Builds the gateway's vault from configuration: without the vault's public key the gateway does not start, unless
 * the published development key is allowed (development and test stacks).
 */
@ApplicationScoped
public class VaultProducer {

    private static final Logger LOG = Logger.getLogger(VaultProducer.class);

    private final TopicMetadata metadata;

    public VaultProducer(Producer<String, String> producer, GatewayConfig config) {
        this.metadata = new TopicMetadata(producer, config.vault().topic());
    }

    @Produces
    @ApplicationScoped
    Vault vault(GatewayConfig config, Producer<String, String> producer, ObjectMapper mapper) {
        GatewayConfig.Vault vault = config.vault();
        EntrySealer sealer = new EntrySealer(publicKey(vault), vault.keyVersion());
        return new Vault(
                sealer,
                vault.tenant(),
                Clock.systemUTC(),
                new KafkaVaultWriter(producer, vault.topic(), mapper, metadata.known(), vault.ackTimeout()));
    }

    void start(@Observes StartupEvent started) {
        metadata.start();
    }

    void stop(@Observes ShutdownEvent stopped) {
        metadata.stop();
    }

    static byte[] publicKey(GatewayConfig.Vault vault) {
        if (vault.publicKey().isPresent()) {
            try {
                return X25519Keys.decode(vault.publicKey().get());
            } catch (IllegalArgumentException bad) {
                throw new IllegalStateException("sigil.gateway.vault.public-key: " + bad.getMessage());
            }
        }
        if (!vault.allowDevelopmentKey().orElse(LaunchMode.current().isDevOrTest())) {
            throw new IllegalStateException("sigil.gateway.vault.public-key is not set; the gateway does not start"
                    + " without the vault's key (sigil.gateway.vault.allow-development-key=true only for development)");
        }
        LOG.warn("findings are sealed with the published development vault key: anyone can open them;"
                + " set sigil.gateway.vault.public-key for real use");
        return X25519Keys.publicOf(X25519Keys.developmentPrivateKey());
    }
}
