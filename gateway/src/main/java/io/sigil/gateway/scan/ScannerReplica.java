package io.sigil.gateway.scan;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sigil.gateway.replica.CompactedTopicFollower;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Follows the compacted scanners topic from its beginning and hands each record, keyed by pack id, to
 * {@link PackIntake}: the gateway scans with the built-in packs until signed packs arrive, and each accepted pack is
 * swapped in while requests go on.
 */
@ApplicationScoped
public class ScannerReplica implements CompactedTopicFollower.Reader {

    private static final Logger LOG = Logger.getLogger(ScannerReplica.class);

    private final PackIntake intake;
    private final String topic;
    private final CompactedTopicFollower follower;
    private volatile boolean loaded;

    public ScannerReplica(
            PackIntake intake,
            ScannersConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.intake = intake;
        this.topic = config.topic();
        this.follower = new CompactedTopicFollower("scanner-replica", bootstrap, topic, Duration.ofSeconds(5), this);
    }

    void start(@Observes StartupEvent started) {
        follower.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        follower.stop();
    }

    /** Whether every record that was on the topic when the gateway started has been applied. */
    public boolean loaded() {
        return loaded;
    }

    @Override
    public void record(ConsumerRecord<String, String> record) {
        intake.apply(record.key(), record.value(), record.topic() + "-" + record.partition() + "@" + record.offset());
    }

    @Override
    public void caughtUp() {
        loaded = true;
        LOG.infof("scanner replica: topic %s read up to where it stood at start", topic);
    }
}
