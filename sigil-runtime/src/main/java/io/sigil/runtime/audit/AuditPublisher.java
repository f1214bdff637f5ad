package io.sigil.runtime.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.spi.AuditLogger;
import io.sigil.runtime.messaging.KeyedJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Writes audit events to the append-only audit topic. The returned {@link Uni} completes only when the
 * broker has acknowledged the event (acks=all), so callers can refuse to answer before it is durable.
 */
@ApplicationScoped
public class AuditPublisher implements AuditLogger {

    /** The channel that every service's configuration binds to the audit topic. */
    public static final String CHANNEL = "audit-events";

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;

    public AuditPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, ObjectMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper;
    }

    /** Publishes the event, keyed by its source so each service's events stay in order on one partition. */
    public Uni<Void> publish(AuditEvent event) {
        return KeyedJson.send(emitter, mapper, event.source(), event);
    }

    @Override
    public CompletionStage<Void> log(AuditEvent event) {
        return publish(event).subscribeAsCompletionStage();
    }
}
