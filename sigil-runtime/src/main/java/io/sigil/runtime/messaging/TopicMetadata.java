package io.sigil.runtime.messaging;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Fetches a topic's metadata in the background: a producer that never blocks a caller (max.block.ms 0) refuses a
 * send until it knows the topic's partitions, so the first sends wait for this. It keeps asking while the broker is
 * away.
 */
public final class TopicMetadata {

    private static final Logger LOG = Logger.getLogger(TopicMetadata.class);
    private static final long RETRY_MILLIS = 200;

    private final Producer<String, String> producer;
    private final String topic;
    private final CompletableFuture<Void> known = new CompletableFuture<>();
    private volatile boolean stopping;

    public TopicMetadata(Producer<String, String> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** Completes once the producer knows the topic's partitions, so that a send is not refused for it. */
    public CompletableFuture<Void> known() {
        return known;
    }

    public void start() {
        Thread warmup = new Thread(this::fetch, "sigil-topic-metadata-" + topic);
        warmup.setDaemon(true);
        warmup.start();
    }

    public void stop() {
        stopping = true;
    }

    private void fetch() {
        long attempts = 0;
        while (!stopping) {
            try {
                int partitions = producer.partitionsFor(topic).size();
                LOG.debugf("topic %s: %d partitions known after %d attempts", topic, partitions, attempts + 1);
                known.complete(null);
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
