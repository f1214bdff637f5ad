package io.sigil.gateway.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.identity.TrustRules;
import io.sigil.gateway.config.GatewayConfig;
import io.sigil.gateway.replica.CompactedTopicFollower;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The gateway's replica of the compacted identities topic: a {@link CompactedTopicFollower} reads it from the
 * beginning, then follows it, so a suspension or revocation reaches the gateway as soon as the broker delivers it. The replica is
 * current only once it has read up to the end offsets it found at start, and only while it keeps confirming
 * with the broker that nothing newer exists; otherwise the gateway refuses calls (fail closed).
 */
@ApplicationScoped
public class IdentityReplica implements AgentDirectory, CompactedTopicFollower.Reader {

    private static final Logger LOG = Logger.getLogger(IdentityReplica.class);
    private static final Duration CONFIRM_EVERY = Duration.ofSeconds(1);

    private final DirectorySnapshot snapshot;
    private final GatewayConfig.Identity config;
    private final Clock clock;
    private final CompactedTopicFollower follower;
    private volatile boolean loaded;
    private volatile Instant confirmedAt = Instant.EPOCH;
    private Instant nextConfirm = Instant.EPOCH;
    private boolean reportedStale;

    public IdentityReplica(
            ObjectMapper mapper,
            GatewayConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.snapshot = new DirectorySnapshot(mapper);
        this.config = config.identity();
        this.clock = Clock.systemUTC();
        this.follower = new CompactedTopicFollower(
                "identity-replica", bootstrap, this.config.topic(), this.config.confirmTimeout(), this);
    }

    void start(@Observes StartupEvent started) {
        follower.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        follower.stop();
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

    @Override
    public void record(ConsumerRecord<String, String> record) {
        DirectorySnapshot.Applied applied = snapshot.apply(record.key(), record.value());
        if (applied == DirectorySnapshot.Applied.MALFORMED) {
            LOG.warnf(
                    "identity replica: record %s-%d@%d is not a valid agent or trust-rules record; ignored",
                    record.topic(), record.partition(), record.offset());
        }
    }

    @Override
    public void caughtUp() {
        loaded = true;
        confirmedAt = clock.instant();
        LOG.infof(
                "identity replica loaded: %d agents, trust rules %s",
                snapshot.agents(),
                snapshot.rules().map(rules -> "version " + rules.version()).orElse("not yet published"));
    }

    @Override
    public void polled(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        if (loaded && clock.instant().isAfter(nextConfirm)) {
            confirm(consumer, partitions);
            nextConfirm = clock.instant().plus(CONFIRM_EVERY);
        }
    }

    /** Asks the broker for the end offsets; the replica is current when it has read up to them. */
    private void confirm(KafkaConsumer<String, String> opened, List<TopicPartition> partitions) {
        Instant asked = clock.instant();
        try {
            Map<TopicPartition, Long> ends = opened.endOffsets(partitions, config.confirmTimeout());
            if (CompactedTopicFollower.reached(opened, ends)) {
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
}
