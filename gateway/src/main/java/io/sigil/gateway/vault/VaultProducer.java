package io.sigil.gateway.vault;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sigil.core.vault.EntrySealer;
import io.sigil.core.vault.X25519Keys;
import io.sigil.gateway.config.GatewayConfig;
import io.sigil.runtime.audit.AuditProducerConfig;
import io.sigil.runtime.messaging.TopicMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Builds the gateway's vault from configuration. Without the vault's public key the gateway does not start, unless
 * the published development key is allowed (development and test stacks); a key that is malformed, not canonical,
 * of small order, or the development key where it is not allowed, stops the start too. Entries travel on a producer
 * of their own (the audit producer's settings), so that large entries never take the audit trail's buffer.
 */
@ApplicationScoped
public class VaultProducer {

    private static final Logger LOG = Logger.getLogger(VaultProducer.class);

    private final Producer<String, String> producer;
    private final TopicMetadata metadata;
    private final AuditProducerConfig producerConfig;

    public VaultProducer(GatewayConfig config, AuditProducerConfig producerConfig) {
        this.producerConfig = producerConfig;
        Map<String, Object> settings = new HashMap<>(producerConfig.kafka());
        settings.put(
                ProducerConfig.CLIENT_ID_CONFIG,
                settings.getOrDefault(ProducerConfig.CLIENT_ID_CONFIG, "gateway") + "-vault");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(settings);
        this.metadata = new TopicMetadata(producer, config.vault().topic());
    }

    @Produces
    @ApplicationScoped
    Vault vault(GatewayConfig config, ObjectMapper mapper) {
        GatewayConfig.Vault vault = config.vault();
        if (vault.maxEntryBytes() < 1 || vault.maxEntryBytes() > Vault.LARGEST_MAX_ENTRY_BYTES) {
            throw new IllegalStateException(
                    "sigil.gateway.vault.max-entry-bytes must be 1.." + Vault.LARGEST_MAX_ENTRY_BYTES);
        }
        EntrySealer sealer;
        try {
            sealer = new EntrySealer(publicKey(vault), vault.keyVersion());
        } catch (IllegalArgumentException bad) {
            throw new IllegalStateException("sigil.gateway.vault.public-key: " + bad.getMessage());
        }
        return new Vault(
                sealer,
                vault.tenant(),
                Clock.systemUTC(),
                new KafkaVaultWriter(producer, vault.topic(), mapper, metadata.known(), vault.ackTimeout()),
                vault.maxEntryBytes());
    }

    void start(@Observes StartupEvent started) {
        metadata.start();
    }

    void stop(@Observes ShutdownEvent stopped) {
        metadata.stop();
        // Closing flushes what is still buffered: entries already acknowledged to a caller are not at stake, but a
        // notification's entries may still be on their way.
        producer.close(producerConfig.closeTimeout());
    }

    static byte[] publicKey(GatewayConfig.Vault vault) {
        boolean developmentAllowed =
                vault.allowDevelopmentKey().orElse(LaunchMode.current().isDevOrTest());
        if (vault.publicKey().isPresent()) {
            byte[] raw = X25519Keys.decode(vault.publicKey().get());
            if (Arrays.equals(raw, X25519Keys.developmentPublicKey()) && !developmentAllowed) {
                throw new IllegalArgumentException("it is the published development key, which anyone can open;"
                        + " only allowed with sigil.gateway.vault.allow-development-key=true");
            }
            return raw;
        }
        if (!developmentAllowed) {
            throw new IllegalStateException("sigil.gateway.vault.public-key is not set; the gateway does not start"
                    + " without the vault's key (sigil.gateway.vault.allow-development-key=true only for development)");
        }
        LOG.warn("findings are sealed with the published development vault key: anyone can open them;"
                + " set sigil.gateway.vault.public-key for real use");
        return X25519Keys.developmentPublicKey();
    }
}
