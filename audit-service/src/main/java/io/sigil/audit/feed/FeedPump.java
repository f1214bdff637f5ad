package io.sigil.audit.feed;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sigil.audit.config.AuditConfig;
import io.sigil.audit.sealing.Sealer;
import io.sigil.audit.store.CheckpointStore;
import io.sigil.audit.store.FeedCursors;
import io.sigil.audit.store.RecordStore;
import io.sigil.audit.store.StoredRecord;
import io.sigil.ledger.Checkpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Moves sealed records from the store to every enabled feed, chain by chain and in order, advancing a feed's
 * cursor only after it confirmed delivery; a feed that fails is retried with growing pauses, the others go
 * on. Also publishes checkpoints. One thread of its own.
 */
@ApplicationScoped
public class FeedPump {

    private static final Logger LOG = Logger.getLogger(FeedPump.class);
    private static final long MAX_PAUSE_MILLIS = 30_000;
    private static final long YIELD_ROUNDS = 5;

    private final AuditConfig config;
    private final RecordStore records;
    private final FeedCursors cursors;
    private final CheckpointStore checkpoints;
    private final SocTopicFeed socTopic;
    private final Sealer sealer;
    private final List<Feed> feeds;
    private final Map<String, Long> retryAt = new HashMap<>();
    private final Map<String, Long> pause = new HashMap<>();
    private volatile boolean running;
    private Thread thread;

    public FeedPump(
            AuditConfig config,
            RecordStore records,
            FeedCursors cursors,
            CheckpointStore checkpoints,
            SocTopicFeed socTopic,
            Sealer sealer,
            Instance<Feed> feeds) {
        this.config = config;
        this.records = records;
        this.cursors = cursors;
        this.checkpoints = checkpoints;
        this.socTopic = socTopic;
        this.sealer = sealer;
        this.feeds = feeds.stream().filter(Feed::enabled).toList();
    }

    void start(@Observes StartupEvent started) {
        running = true;
        thread = new Thread(this::run, "audit-feeds");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }

    private void run() {
        long yielded = 0;
        while (running) {
            try {
                // Sealing comes first: while the sealer has a backlog the feeds, which share its cores, run one
                // round a second only, and catch up once it is through.
                if (sealer.behind() && yielded++ % YIELD_ROUNDS != 0) {
                    Thread.sleep(config.feeds().interval().toMillis());
                    continue;
                }
                boolean busy = false;
                for (Feed feed : feeds) {
                    busy |= pump(feed);
                }
                if (socTopic.enabled()) {
                    publishCheckpoints();
                }
                if (!busy) {
                    Thread.sleep(config.feeds().interval().toMillis());
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (Exception storeAway) {
                // The store is away; the readiness check says so. Retry at the next interval.
                sleepQuietly(config.feeds().interval().toMillis() * 5);
            }
        }
    }

    /** One round of a feed over every chain; true when it delivered a full batch and more may wait. */
    private boolean pump(Feed feed) throws Exception {
        long now = System.currentTimeMillis();
        if (retryAt.getOrDefault(feed.name(), 0L) > now) {
            return false;
        }
        boolean more = false;
        for (String chain : records.chains()) {
            long next = cursors.next(feed.name(), chain);
            int wanted = feed.recordsPerRound(config.feeds().batch());
            List<StoredRecord> batch = records.from(chain, next, wanted);
            if (batch.isEmpty()) {
                continue;
            }
            int confirmed = feed.deliver(batch);
            if (confirmed > 0) {
                // A feed may confirm a leading part of what it was given; the cursor moves over that part only.
                cursors.advance(
                        feed.name(), chain, batch.get(confirmed - 1).sealed().seq() + 1);
            }
            if (confirmed < batch.size()) {
                long wait = Math.min(MAX_PAUSE_MILLIS, pause.getOrDefault(feed.name(), 250L) * 2);
                if (!pause.containsKey(feed.name())) {
                    LOG.infof(
                            "the %s feed cannot deliver; retrying from %s seq %d",
                            feed.name(), chain, batch.get(confirmed).sealed().seq());
                }
                pause.put(feed.name(), wait);
                retryAt.put(feed.name(), now + wait);
                return false;
            }
            if (pause.remove(feed.name()) != null) {
                LOG.infof("the %s feed delivers again", feed.name());
            }
            more |= batch.size() == wanted;
        }
        return more;
    }

    private void publishCheckpoints() throws Exception {
        for (Checkpoint checkpoint : checkpoints.unpublished(100)) {
            if (!socTopic.publish(checkpoint)) {
                return;
            }
            checkpoints.markPublished(checkpoint);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
