package io.sigil.gateway.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.identity.TrustRules;
import io.sigil.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The gateway's replica of the compacted identities topic: one thread reads it from the beginning, then follows
 * it, so a suspension or revocation reaches the gateway as soon as the broker delivers it. The replica is
 * current only once it has read up to the end offsets it found at start, and only while it keeps confirming
 * with the broker that nothing newer exists; otherwise the gateway refuses calls (fail closed).
 */
@ApplicationScoped
public class IdentityReplica implements AgentDirectory {

    private static final Logger LOG = Logger.getLogger(IdentityReplica.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CONFIRM_EVERY = Duration.ofSeconds(1);

    private final DirectorySnapshot snapshot;
    private final GatewayConfig.Identity config;
    private final String bootstrap;
    private final Clock clock;
    private volatile boolean loaded;
    private volatile Instant confirmedAt = Instant.EPOCH;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;
    private boolean reportedStale;
    private boolean reportedFailure;

    public IdentityReplica(
            ObjectMapper mapper,
            GatewayConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.snapshot = new DirectorySnapshot(mapper);
        this.config = config.identity();
        this.bootstrap = bootstrap;
        this.clock = Clock.systemUTC();
    }

    void start(@Observes StartupEvent started) {
        thread = new Thread(this::run, "identity-replica");
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

    @Override
    public Optional<RegisteredAgent> byClient(String clientId) {
        return snapshot.byClient(clientId);
    }

    @Override
    public Optional<TrustRules> rules() {
        return snapshot.rules();
    }

    @Override
    public Optional<String> unavailable() {
        if (!loaded) {
            return Optional.of("the identity registry is still loading");
        }
        Duration silent = Duration.between(confirmedAt, clock.instant());
        if (silent.compareTo(config.maxStaleness()) > 0) {
            return Optional.of("the identity registry has not been confirmed current for " + silent.toSeconds() + " s");
        }
        return Optional.empty();
    }

    /** Whether the replica has read everything that existed when the gateway started. */
    public boolean loaded() {
        return loaded;
    }

    public int agents() {
        return snapshot.agents();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> opened = open()) {
                consumer = opened;
                follow(opened);
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException failure) {
                // One line per outage, not per retry; the class name is enough to tell a timeout from a fault.
                if (!reportedFailure) {
                    reportedFailure = true;
                    LOG.warnf(
                            "identity replica: %s; retrying every second",
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
        Map<TopicPartition, Long> startEnds = opened.endOffsets(partitions, config.confirmTimeout());
        Instant nextConfirm = Instant.EPOCH;
        while (running) {
            ConsumerRecords<String, String> records = opened.poll(POLL);
            for (ConsumerRecord<String, String> record : records) {
                DirectorySnapshot.Applied applied = snapshot.apply(record.key(), record.value());
                if (applied == DirectorySnapshot.Applied.MALFORMED) {
                    LOG.warnf(
                            "identity replica: record %s-%d@%d is not a valid agent or trust-rules record; ignored",
                            record.topic(), record.partition(), record.offset());
                }
            }
            if (!loaded && reached(opened, startEnds)) {
                loaded = true;
                reportedFailure = false;
                confirmedAt = clock.instant();
                LOG.infof(
                        "identity replica loaded: %d agents, trust rules %s",
                        snapshot.agents(),
                        snapshot.rules()
                                .map(rules -> "version " + rules.version())
                                .orElse("not yet published"));
            }
            if (loaded && clock.instant().isAfter(nextConfirm)) {
                confirm(opened, partitions);
                nextConfirm = clock.instant().plus(CONFIRM_EVERY);
            }
        }
    }

    /** Asks the broker for the end offsets; the replica is current when it has read up to them. */
    private void confirm(KafkaConsumer<String, String> opened, List<TopicPartition> partitions) {
        Instant asked = clock.instant();
        try {
            Map<TopicPartition, Long> ends = opened.endOffsets(partitions, config.confirmTimeout());
            if (reached(opened, ends)) {
                confirmedAt = asked;
                if (reportedStale) {
                    reportedStale = false;
                    LOG.info("identity replica: current again");
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException unreachable) {
            if (!reportedStale && unavailable().isPresent()) {
                reportedStale = true;
                LOG.warn("identity replica: the broker has not confirmed the registry in time; calls are refused");
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
        List<PartitionInfo> infos = opened.partitionsFor(config.topic(), config.confirmTimeout());
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + config.topic() + " has no partitions");
        }
        return infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    private KafkaConsumer<String, String> open() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-identity-replica");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A revocation is one small record: hand it over as soon as it lands.
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
