package io.sigil.runtime.audit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sigil.runtime.messaging.TopicMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;

/**
 * Fetches the audit topic's metadata at start-up, in the background, so that events of the first moments wait for it
 * instead of being refused by a producer that never blocks its caller.
 */
@ApplicationScoped
public class AuditTopicWarmup {

    private final TopicMetadata metadata;

    public AuditTopicWarmup(Producer<String, String> producer, AuditProducerConfig config) {
        this.metadata = new TopicMetadata(producer, config.topic());
    }

    /** Completes once the producer knows the audit topic's partitions, so that a send is not refused for it. */
    CompletableFuture<Void> topicKnown() {
        return metadata.known();
    }

    void start(@Observes StartupEvent started) {
        metadata.start();
    }

    void stop(@Observes ShutdownEvent stopped) {
        metadata.stop();
    }
}
