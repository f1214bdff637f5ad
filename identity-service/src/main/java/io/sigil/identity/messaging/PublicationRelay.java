package io.sigil.identity.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.sigil.core.identity.IdentityRecords;
import io.sigil.identity.config.IdentityConfig;
import io.sigil.identity.persistence.AgentRepository;
import io.sigil.identity.persistence.AuditOutbox;
import io.sigil.identity.persistence.StoredAgent;
import io.sigil.identity.persistence.TrustRulesRepository;
import io.sigil.runtime.audit.AuditPublisher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The outbox relay: publishes every stored change the broker has not acknowledged yet (agents whose
 * {@code published_version} is behind their {@code version}, the newest trust rules, pending audit events) and
 * marks each published only after its ack (acks=all). It runs at start-up, every
 * {@code sigil.identity.publish-interval}, and right after each write.
 *
 * <p>Passes never overlap, in this process (one at a time) or across instances (a PostgreSQL advisory lock held
 * for the pass), and each pass reads the current state: so the records of one key reach the topic in version
 * order, and the last one for a key is always its latest version. A compacted topic keeps only that last
 * record, so an older version sent after a newer one would silently undo a revocation.
 */
@ApplicationScoped
public class PublicationRelay {

    /** How many records of each kind one pass sends; more are sent by the next pass, at once. */
    static final int BATCH = 100;

    private static final long PUBLISHER_LOCK = 0x5161_4c00_0000_0001L;
    private static final Logger LOG = Logger.getLogger(PublicationRelay.class);

    private final Pool pool;
    private final AgentRepository agents;
    private final TrustRulesRepository rules;
    private final AuditOutbox outbox;
    private final IdentityPublisher identities;
    private final AuditPublisher audit;
    private final PublicationTracker tracker;
    private final Vertx vertx;
    private final IdentityConfig config;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean behind = new AtomicBoolean();
    private volatile long timer = -1;

    public PublicationRelay(
            Pool pool,
            AgentRepository agents,
            TrustRulesRepository rules,
            AuditOutbox outbox,
            IdentityPublisher identities,
            AuditPublisher audit,
            PublicationTracker tracker,
            Vertx vertx,
            IdentityConfig config) {
        this.pool = pool;
        this.agents = agents;
        this.rules = rules;
        this.outbox = outbox;
        this.identities = identities;
        this.audit = audit;
        this.tracker = tracker;
        this.vertx = vertx;
        this.config = config;
    }

    /** Publishes what is pending now, then every interval. */
    public void start() {
        if (timer < 0) {
            timer = vertx.setPeriodic(Math.max(1, config.publishInterval().toMillis()), id -> kick());
        }
        kick();
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Asks for a pass: starts one now, or right after the one under way, which may have missed this change. */
    public void kick() {
        wanted.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        wanted.set(false);
        Uni.createFrom().deferred(this::pass).subscribe().with(this::finished, this::failed);
    }

    private void finished(Progress progress) {
        if (progress.failed() > 0) {
            paused(progress.failed() + " record(s) not acknowledged by the broker");
        } else if (behind.compareAndSet(true, false)) {
            LOG.info("identity publication resumed: every pending change is being published");
        }
        running.set(false);
        // A full batch that went out is followed at once; failures wait for the next tick instead of spinning.
        if ((progress.more() && progress.failed() == 0) || wanted.get()) {
            kick();
        }
    }

    private void failed(Throwable failure) {
        paused(String.valueOf(failure.getMessage()));
        running.set(false);
        if (wanted.get()) {
            kick();
        }
    }

    private void paused(String why) {
        if (behind.compareAndSet(false, true)) {
            LOG.warnf(
                    "identity publication paused: %s; nothing is lost, retrying every %s",
                    why, config.publishInterval());
        }
    }

    private Uni<Progress> pass() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1) as locked")
                .execute(Tuple.of(PUBLISHER_LOCK))
                .map(rows -> rows.iterator().next().getBoolean("locked"))
                .flatMap(locked ->
                        locked ? publishAll(connection) : Uni.createFrom().item(Progress.NONE)));
    }

    private Uni<Progress> publishAll(SqlConnection connection) {
        return publishAgents(connection)
                .flatMap(agentsDone -> publishRules(connection).map(agentsDone::plus))
                .flatMap(soFar -> publishAudit(connection).map(soFar::plus));
    }

    private Uni<Progress> publishAgents(SqlConnection connection) {
        return agents.unpublished(connection, BATCH).flatMap(pending -> {
            if (pending.isEmpty()) {
                return Uni.createFrom().item(Progress.NONE);
            }
            List<Uni<Boolean>> sends = new ArrayList<>();
            for (StoredAgent stored : pending) {
                sends.add(identities
                        .publish(stored.agent())
                        .invoke(() -> tracker.acknowledged(
                                stored.agent().did(), stored.agent().version()))
                        .replaceWith(true)
                        .onFailure()
                        .recoverWithItem(false));
            }
            return Uni.join().all(sends).andFailFast().flatMap(acks -> {
                Map<String, Long> acknowledged = new HashMap<>();
                for (int i = 0; i < pending.size(); i++) {
                    if (acks.get(i)) {
                        acknowledged.put(
                                pending.get(i).agent().did(),
                                pending.get(i).agent().version());
                    }
                }
                return agents.markPublished(connection, acknowledged)
                        .replaceWith(new Progress(pending.size() - acknowledged.size(), pending.size() == BATCH));
            });
        });
    }

    private Uni<Progress> publishRules(SqlConnection connection) {
        return rules.unpublished(connection).flatMap(pending -> {
            if (pending.isEmpty()) {
                return Uni.createFrom().item(Progress.NONE);
            }
            long version = pending.get().rules().version();
            return identities
                    .publish(pending.get().rules())
                    .invoke(() -> tracker.acknowledged(IdentityRecords.TRUST_RULES_KEY, version))
                    .flatMap(acked -> rules.markPublished(connection, version))
                    .replaceWith(Progress.NONE)
                    .onFailure()
                    .recoverWithItem(new Progress(1, false));
        });
    }

    private Uni<Progress> publishAudit(SqlConnection connection) {
        return outbox.pending(connection, BATCH).flatMap(pending -> {
            if (pending.isEmpty()) {
                return Uni.createFrom().item(Progress.NONE);
            }
            List<Uni<Boolean>> sends = new ArrayList<>();
            for (AuditOutbox.PendingAudit event : pending) {
                sends.add(audit.publish(event.event())
                        .replaceWith(true)
                        .onFailure()
                        .recoverWithItem(false));
            }
            return Uni.join().all(sends).andFailFast().flatMap(acks -> {
                List<Long> acknowledged = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    if (acks.get(i)) {
                        acknowledged.add(pending.get(i).id());
                    }
                }
                return outbox.remove(connection, acknowledged)
                        .replaceWith(new Progress(pending.size() - acknowledged.size(), pending.size() == BATCH));
            });
        });
    }

    /**
     * What a pass achieved.
     *
     * @param failed records the broker did not acknowledge
     * @param more whether a batch was full, so that more may be pending
     */
    record Progress(int failed, boolean more) {

        static final Progress NONE = new Progress(0, false);

        Progress plus(Progress other) {
            return new Progress(failed + other.failed, more || other.more);
        }
    }
}
