package io.sigil.gateway.replica;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads a compacted topic from its beginning on a thread of its own and then follows it, handing every record to a
 * {@link Reader}; after a broker outage it reconnects every second and reads from the beginning again, with one log
 * line per outage. The reader hears once when the records that stood on the topic at start have all been read.
 */
public final class CompactedTopicFollower {

    /** What the follower hands its records to. */
    public interface Reader {

        void record(ConsumerRecord<String, String> record);

        /** Every record that stood on the topic when following began has been read (called once). */
        void caughtUp();

        /** After each poll, on the follower's thread: a reader may ask the broker more (end offsets). */
        default void polled(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {}
    }

    private static final Logger LOG = Logger.getLogger(CompactedTopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String name;
    private final String bootstrap;
    private final String topic;
    private final Duration metadataTimeout;
    private final Reader reader;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;
    private boolean caughtUp;
    private boolean reportedFailure;

    public CompactedTopicFollower(
            String name, String bootstrap, String topic, Duration metadataTimeout, Reader reader) {
        this.name = name;
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.metadataTimeout = metadataTimeout;
        this.reader = reader;
    }

    public void start() {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(5_000);
        }
    }

    /** Whether the consumer has read up to these end offsets. */
    public static boolean reached(KafkaConsumer<String, String> opened, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (opened.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> opened = open()) {
                consumer = opened;
                follow(opened);
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException failure) {
                // One line per outage, not per retry; the class name tells a timeout from a fault.
                if (!reportedFailure) {
                    reportedFailure = true;
                    LOG.warnf(
                            "%s: %s; retrying every second",
                            name, failure.getClass().getSimpleName());
                }
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private void follow(KafkaConsumer<String, String> opened) {
        List<TopicPartition> partitions = partitions(opened);
        opened.assign(partitions);
        opened.seekToBeginning(partitions);
        Map<TopicPartition, Long> startEnds = opened.endOffsets(partitions, metadataTimeout);
        reportedFailure = false;
        while (running) {
            for (ConsumerRecord<String, String> record : opened.poll(POLL)) {
                reader.record(record);
            }
            if (!caughtUp && reached(opened, startEnds)) {
                caughtUp = true;
                reader.caughtUp();
            }
            reader.polled(opened, partitions);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> opened) {
        List<PartitionInfo> infos = opened.partitionsFor(topic, metadataTimeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions");
        }
        return infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    private KafkaConsumer<String, String> open() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-" + name);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A revocation or a pack is one small record: hand it over as soon as it lands.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
