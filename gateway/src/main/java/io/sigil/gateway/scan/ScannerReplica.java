package io.sigil.gateway.scan;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Follows the compacted scanners topic from its beginning on one thread and hands each record, keyed by pack id, to
 * {@link PackIntake}: the gateway scans with the built-in packs until signed packs arrive, and each accepted pack is
 * swapped in while requests go on.
 */
@ApplicationScoped
public class ScannerReplica {

    private static final Logger LOG = Logger.getLogger(ScannerReplica.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);

    private final PackIntake intake;
    private final String topic;
    private final String bootstrap;
    private volatile boolean running = true;
    private volatile boolean loaded;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;
    private boolean reportedFailure;

    public ScannerReplica(
            PackIntake intake,
            ScannersConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.intake = intake;
        this.topic = config.topic();
        this.bootstrap = bootstrap;
    }

    void start(@Observes StartupEvent started) {
        thread = new Thread(this::run, "scanner-replica");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(5_000);
        }
    }

    /** Whether every record that was on the topic when the gateway started has been applied. */
    public boolean loaded() {
        return loaded;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> opened = open()) {
                consumer = opened;
                follow(opened);
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException failure) {
                // One line per outage; the packs already applied stay active meanwhile.
                if (!reportedFailure) {
                    reportedFailure = true;
                    LOG.warnf(
                            "scanner replica: %s; retrying every second",
                            failure.getClass().getSimpleName());
                }
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private void follow(KafkaConsumer<String, String> opened) {
        List<TopicPartition> partitions = partitions(opened);
        opened.assign(partitions);
        opened.seekToBeginning(partitions);
        Map<TopicPartition, Long> startEnds = opened.endOffsets(partitions, METADATA_TIMEOUT);
        reportedFailure = false;
        while (running) {
            for (ConsumerRecord<String, String> record : opened.poll(POLL)) {
                intake.apply(
                        record.key(),
                        record.value(),
                        record.topic() + "-" + record.partition() + "@" + record.offset());
            }
            if (!loaded && reached(opened, startEnds)) {
                loaded = true;
                LOG.infof("scanner replica: topic %s read up to where it stood at start", topic);
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, String> opened, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (opened.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> opened) {
        List<PartitionInfo> infos = opened.partitionsFor(topic, METADATA_TIMEOUT);
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
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-scanner-replica");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
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
