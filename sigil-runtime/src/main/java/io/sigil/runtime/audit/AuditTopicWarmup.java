package io.sigil.runtime.audit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Fetches the audit topic's metadata at start-up, in the background: the producer never blocks a caller (its
 * max.block.ms is 0) and would refuse an event until the metadata is there, so events of the first moments wait for
 * this; it keeps asking while the broker is away.
 */
@ApplicationScoped
public class AuditTopicWarmup {

    private static final Logger LOG = Logger.getLogger(AuditTopicWarmup.class);
    private static final long RETRY_MILLIS = 200;

    private final Producer<String, String> producer;
    private final String topic;
    private final CompletableFuture<Void> topicKnown = new CompletableFuture<>();
    private volatile boolean stopping;

    public AuditTopicWarmup(Producer<String, String> producer, AuditProducerConfig config) {
        this.producer = producer;
        this.topic = config.topic();
    }

    /** Completes once the producer knows the audit topic's partitions, so that a send is not refused for it. */
    CompletableFuture<Void> topicKnown() {
        return topicKnown;
    }

    void start(@Observes StartupEvent started) {
        Thread warmup = new Thread(this::fetch, "sigil-audit-topic-warmup");
        warmup.setDaemon(true);
        warmup.start();
    }

    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
    }

    private void fetch() {
        long attempts = 0;
        while (!stopping) {
            try {
                int partitions = producer.partitionsFor(topic).size();
                LOG.debugf("audit topic %s: %d partitions known after %d attempts", topic, partitions, attempts + 1);
                topicKnown.complete(null);
                return;
            } catch (KafkaException notYet) {
                attempts++;
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
