package io.sigil.audit.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.audit.persistence.AuditRecord;
import io.sigil.audit.persistence.AuditRecordRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Materialises the audit topic into PostgreSQL. The offset is committed only after the row is stored, and
 * a stored position is never stored twice, so a restart neither loses nor duplicates an event.
 */
@ApplicationScoped
public class AuditMaterialiser {

    private static final Logger LOG = Logger.getLogger(AuditMaterialiser.class);

    private final AuditRecordRepository repository;
    private final ObjectMapper mapper;

    public AuditMaterialiser(AuditRecordRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    @Incoming("audit-in")
    public Uni<Void> store(ConsumerRecord<String, String> message) {
        AuditRecord record = toRecord(message);
        if (!record.wellFormed()) {
            LOG.warnf(
                    "audit event at partition %d offset %d is malformed; stored flagged",
                    message.partition(), message.offset());
        }
        return repository.insert(record).replaceWithVoid();
    }

    AuditRecord toRecord(ConsumerRecord<String, String> message) {
        String raw = message.value() == null ? "" : message.value();
        try {
            JsonNode event = mapper.readTree(raw);
            if (event == null || !event.isObject() || !event.hasNonNull("audit_id")) {
                return malformed(message, raw);
            }
            return new AuditRecord(
                    0,
                    message.partition(),
                    message.offset(),
                    event.path("audit_id").asText(),
                    text(event, "source"),
                    event.hasNonNull("class_uid") ? event.get("class_uid").asInt() : null,
                    text(event, "activity"),
                    text(event, "actor"),
                    text(event, "outcome"),
                    time(event),
                    raw,
                    true,
                    null);
        } catch (java.io.IOException | DateTimeParseException notAnEvent) {
            return malformed(message, raw);
        }
    }

    private static AuditRecord malformed(ConsumerRecord<String, String> message, String raw) {
        return new AuditRecord(
                0,
                message.partition(),
                message.offset(),
                null,
                message.key(),
                null,
                null,
                null,
                null,
                null,
                raw,
                false,
                null);
    }

    private static String text(JsonNode event, String field) {
        return event.hasNonNull(field) ? event.get(field).asText() : null;
    }

    private static Instant time(JsonNode event) {
        JsonNode time = event.get("time");
        if (time == null || time.isNull()) {
            return null;
        }
        // Jackson writes Instants as epoch seconds with a fraction unless told otherwise.
        return time.isNumber()
                ? Instant.ofEpochSecond(time.longValue(), (long) ((time.doubleValue() % 1) * 1_000_000_000L))
                : Instant.parse(time.asText());
    }
}
