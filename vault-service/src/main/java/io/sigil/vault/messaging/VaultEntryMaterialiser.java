package io.sigil.vault.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.model.VaultEntry;
import io.sigil.vault.persistence.VaultEntryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Materialises the vault entries topic into PostgreSQL. The offset is committed only after the row is
 * stored, and a stored id is never stored twice. A malformed message is skipped with one log line that
 * names its position and never its content: it may hold ciphertext.
 */
@ApplicationScoped
public class VaultEntryMaterialiser {

    private static final Logger LOG = Logger.getLogger(VaultEntryMaterialiser.class);

    private final VaultEntryRepository repository;
    private final ObjectMapper mapper;

    public VaultEntryMaterialiser(VaultEntryRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    @Incoming("vault-in")
    public Uni<Void> store(ConsumerRecord<String, String> message) {
        return parse(message)
                .map(entry -> repository.insert(entry).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /** The entry, if the message is one with a UUID for its id; otherwise one log line and nothing. */
    Optional<VaultEntry> parse(ConsumerRecord<String, String> message) {
        try {
            VaultEntry entry = message.value() == null ? null : mapper.readValue(message.value(), VaultEntry.class);
            if (entry != null) {
                UUID.fromString(entry.id());
                return Optional.of(entry);
            }
            return malformed(message, "no value");
        } catch (IOException | IllegalArgumentException notAnEntry) {
            // Only the exception's type: parser messages quote the input.
            return malformed(message, notAnEntry.getClass().getSimpleName());
        }
    }

    private static Optional<VaultEntry> malformed(ConsumerRecord<String, String> message, String reason) {
        LOG.warnf(
                "vault entry at partition %d offset %d is malformed (%s); skipped",
                message.partition(), message.offset(), reason);
        return Optional.empty();
    }
}
