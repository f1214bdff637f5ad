package io.sigil.runtime.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.spi.AuditLogger;
import io.sigil.runtime.messaging.BrokerAck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes audit events to the append-only audit topic. The returned stage completes only when the broker has
 * acknowledged the event (acks=all), so callers can refuse to answer before it is durable.
 */
@ApplicationScoped
public class AuditPublisher implements AuditLogger {

    private final Producer<String, String> producer;
    private final String topic;
    private final ObjectMapper mapper;
    private final CompletableFuture<Void> topicKnown;
    // Events sent before the topic's metadata is known, chained in their order; done once all of them are sent.
    private volatile CompletableFuture<Void> early;

    @Inject
    public AuditPublisher(
            Producer<String, String> producer,
            AuditProducerConfig config,
            ObjectMapper mapper,
            AuditTopicWarmup warmup) {
        this(producer, config.topic(), mapper, warmup.topicKnown(), config.startWait());
    }

    AuditPublisher(
            Producer<String, String> producer,
            String topic,
            ObjectMapper mapper,
            CompletableFuture<Void> topicKnown,
            Duration startWait) {
        this.producer = producer;
        this.topic = topic;
        this.mapper = mapper;
        this.topicKnown = topicKnown;
        this.early = topicKnown.copy().orTimeout(startWait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Publishes the event, keyed by its source so each service's events stay in order on one partition. */
    public Uni<Void> publish(AuditEvent event) {
        return Uni.createFrom().completionStage(() -> log(event));
    }

    @Override
    public CompletionStage<Void> log(AuditEvent event) {
        if (topicKnown.isDone() && early.isDone()) {
            return send(event);
        }
        return sendOnceKnown(event);
    }

    /**
     * Before the topic's metadata is known the producer would refuse at once: an event of the first moments after
     * start waits for it (at most start-wait after start) instead of being lost, behind the events sent before it.
     */
    private synchronized CompletableFuture<Void> sendOnceKnown(AuditEvent event) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        early = early.whenComplete((known, failure) -> {
            if (failure != null) {
                acknowledged.completeExceptionally(failure);
            } else {
                send(event).whenComplete((ignored, refused) -> {
                    if (refused != null) {
                        acknowledged.completeExceptionally(refused);
                    } else {
                        acknowledged.complete(null);
                    }
                });
            }
        });
        return acknowledged;
    }

    private CompletableFuture<Void> send(AuditEvent event) {
        try {
            String json = CanonicalAuditJson.write(mapper, event);
            return BrokerAck.send(producer, new ProducerRecord<>(topic, event.source(), json));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("an audit event is not serialisable", e));
        }
    }
}
