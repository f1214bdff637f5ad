package io.sigil.identity.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.sigil.core.model.AuditEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Audit events written in the same transaction as the change they report, and deleted once the audit topic has
 * acknowledged them: a change cannot be committed without its event, nor its event lost when Kafka is away.
 */
@ApplicationScoped
public class AuditOutbox {

    private final ObjectMapper mapper;
    private final ObjectReader lenient;

    public AuditOutbox(ObjectMapper mapper) {
        this.mapper = mapper;
        this.lenient = mapper.readerFor(AuditEvent.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Uni<Void> add(SqlClient client, AuditEvent event) {
        String json;
        try {
            json = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("audit event is not serialisable", e));
        }
        return client.preparedQuery("insert into audit_outbox (event) values (cast($1 as text)::jsonb)")
                .execute(Tuple.of(json))
                .replaceWithVoid();
    }

    /** The oldest {@code limit} events not yet acknowledged, in the order they were written. */
    public Uni<List<PendingAudit>> pending(SqlClient client, int limit) {
        return client.preparedQuery("select id, event::text as event from audit_outbox order by id limit $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<PendingAudit> pending = new ArrayList<>();
                    rows.forEach(row -> pending.add(new PendingAudit(row.getLong("id"), read(row.getString("event")))));
                    return pending;
                });
    }

    public Uni<Void> remove(SqlClient client, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("delete from audit_outbox where id = any($1)")
                .execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new)))
                .replaceWithVoid();
    }

    private AuditEvent read(String json) {
        try {
            return lenient.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored audit event is not readable", e);
        }
    }

    /**
     * An audit event waiting for the broker.
     *
     * @param id its place in the outbox
     * @param event the event
     */
    public record PendingAudit(long id, AuditEvent event) {}
}
