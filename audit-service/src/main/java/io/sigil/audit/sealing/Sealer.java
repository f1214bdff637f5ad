package io.sigil.audit.sealing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sigil.audit.config.AuditConfig;
import io.sigil.audit.config.ChainSecrets;
import io.sigil.audit.store.ChainStore;
import io.sigil.audit.store.CheckpointStore;
import io.sigil.audit.store.MerkleNodeStore;
import io.sigil.ledger.ChainMac;
import io.sigil.ledger.CheckpointSigner;
import io.sigil.ledger.CompactRange;
import io.sigil.ledger.EvolvingKey;
import io.sigil.ledger.Merkle;
import io.sigil.ledger.MerkleNode;
import io.sigil.ledger.SealedRecord;
import io.sigil.ledger.SubtreeProofs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seals the audit topic into the chained store, on one thread of its own, while a second ({@link BatchWriter})
 * writes the previous batch. Each poll becomes one database transaction holding the records, the chain heads and
 * the next offsets; Kafka's committed offsets are not
 * used, so a crash at any point resumes exactly where the store says, with no gap and no duplicate. While
 * the database or the broker is away it backs off and re-reads its position; it never skips an event.
 */
@ApplicationScoped
public class Sealer {

    private static final Logger LOG = Logger.getLogger(Sealer.class);

    private final AuditConfig config;
    private final ChainSecrets secrets;
    private final ChainStore chains;
    private final CheckpointStore checkpoints;
    private final MerkleNodeStore nodes;
    private final EventCanonicaliser canonicaliser;
    private final String bootstrap;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong sealed = new AtomicLong();
    private volatile Instant pausedSince;
    private volatile String pauseReason;
    private volatile boolean behind;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public Sealer(
            AuditConfig config,
            ChainSecrets secrets,
            ChainStore chains,
            CheckpointStore checkpoints,
            MerkleNodeStore nodes,
            ObjectMapper mapper,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.config = config;
        this.secrets = secrets;
        this.chains = chains;
        this.checkpoints = checkpoints;
        this.nodes = nodes;
        this.canonicaliser = new EventCanonicaliser(mapper);
        this.bootstrap = bootstrap;
    }

    void start(@Observes StartupEvent started) {
        running = true;
        thread = new Thread(this::run, "audit-sealer");
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    /** Records sealed since start, for metrics and tests. */
    public long sealedCount() {
        return sealed.get();
    }

    /** Since when sealing has been failing, or null while it works. */
    public Instant pausedSince() {
        return pausedSince;
    }

    public String pauseReason() {
        return pauseReason;
    }

    /** True while the last poll was full: the sealer has a backlog, and the feeds give it the cores. */
    public boolean behind() {
        return behind;
    }

    private void run() {
        Properties props = SealerConsumer.properties(config.sealer(), bootstrap);
        try (KafkaConsumer<String, byte[]> kafka =
                        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
                BatchWriter writer = new BatchWriter()) {
            consumer = kafka;
            Session session = new Session(kafka, writer);
            Backoff backoff = new Backoff(config.sealer().maxBackoff());
            while (running) {
                try {
                    session.step();
                    backoff.reset();
                } catch (WakeupException stopping) {
                    return;
                } catch (Exception failed) {
                    session.lose(failed);
                    backoff.pause();
                }
            }
        } catch (WakeupException stopping) {
            // Shutting down.
        } catch (RuntimeException broken) {
            LOG.error("the audit sealer stopped: " + broken.getMessage());
        }
    }

    /** The sealer's view of the store, valid until a failure; then re-read from the database. */
    private final class Session {

        private final KafkaConsumer<String, byte[]> kafka;
        private final Checkpointer checkpointer;
        private final BatchWriter writer;
        private Map<Integer, ChainHead> heads;
        private Map<Integer, ChainHead> lastKnown = Map.of();
        private KeyRing keys;
        private boolean paused;
        private Instant partitionsChecked = Instant.EPOCH;

        private Session(KafkaConsumer<String, byte[]> kafka, BatchWriter writer) {
            this.kafka = kafka;
            this.writer = writer;
            this.checkpointer = new Checkpointer(
                    checkpoints,
                    new CheckpointSigner(secrets.signingSeed()),
                    config.checkpoints().interval(),
                    config.checkpoints().everyRecords());
        }

        void step() throws Exception {
            if (heads == null) {
                synchronise();
            }
            ConsumerRecords<String, byte[]> polled = kafka.poll(config.sealer().pollTimeout());
            behind = polled.count() >= config.sealer().maxBatch() / 2;
            // Milliseconds: what PostgreSQL stores must be what was signed.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            EvolvingKey key = keys.keyAt(now);
            List<ChainAppend> appends = new ArrayList<>();
            for (TopicPartition partition : polled.partitions()) {
                ChainAppend append = seal(partition.partition(), polled.records(partition), key, now);
                if (!append.records().isEmpty()) {
                    appends.add(append);
                }
            }
            if (!appends.isEmpty()) {
                // The next batch is sealed onto these heads while this one is written; a failed write makes
                // the next hand-off throw, and the session re-reads the heads from the store.
                for (ChainAppend append : appends) {
                    heads.put(append.after().partition(), append.after());
                }
                KeyState keyState = keys.pendingState();
                keys.stored();
                long epoch = key.epoch();
                writer.handOver(() -> write(appends, keyState, now, epoch));
            } else {
                writer.awaitWritten();
                checkpointer.maybeIssue(now, key.epoch());
            }
            if (paused) {
                paused = false;
                pausedSince = null;
                pauseReason = null;
                LOG.infof("audit sealing resumed; %d records sealed since start", sealed.get());
            }
            if (polled.isEmpty() && now.isAfter(partitionsChecked.plusSeconds(10))) {
                partitionsChecked = now;
                refreshPartitions();
            }
        }

        /**
         * On the writer's thread: one transaction with the records, the subtree roots they complete (so proofs never
         * need every mac), the heads and offsets; then the in-memory trees adopt them and checkpoints may be issued.
         */
        private void write(List<ChainAppend> appends, KeyState keyState, Instant now, long epoch) throws Exception {
            List<Checkpointer.Growth> growths = new ArrayList<>(appends.size());
            List<ChainAppend> stored = new ArrayList<>(appends.size());
            for (ChainAppend append : appends) {
                Checkpointer.Growth growth = checkpointer.grow(append.after().chain(), append.records());
                growths.add(growth);
                stored.add(append.withNodes(growth.nodes()));
            }
            chains.append(stored, keyState);
            for (int i = 0; i < stored.size(); i++) {
                checkpointer.appended(growths.get(i));
                sealed.addAndGet(stored.get(i).records().size());
            }
            checkpointer.maybeIssue(now, epoch);
        }

        private ChainAppend seal(
                int partition, List<ConsumerRecord<String, byte[]>> records, EvolvingKey key, Instant now) {
            ChainHead before = heads.computeIfAbsent(
                    partition, p -> ChainHead.empty(config.topic(), p, ChainMac.GENESIS_PREV_MAC));
            ChainHead head = before;
            List<PendingRecord> pending = new ArrayList<>(records.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.offset() < head.nextOffset()) {
                    continue; // already sealed: a redelivery after a seek
                }
                CanonicalEvent event = canonicaliser.canonicalise(record.key(), record.value());
                long seq = head.headSeq() + 1;
                SealedRecord sealedRecord = SealedRecord.seal(
                        key, head.chain(), seq, record.offset(), now, event.canonical(), event.utf8(), head.headMac());
                pending.add(new PendingRecord(sealedRecord, event.facts(), event.utf8()));
                head = head.advance(record.offset(), seq, sealedRecord.mac());
            }
            return new ChainAppend(before, head, pending);
        }

        /** Reads the heads and the key from the store and puts the consumer where the store says. */
        private void synchronise() throws Exception {
            Map<Integer, ChainHead> stored = chains.heads();
            keys = KeyRing.open(
                    chains.keyState(),
                    secrets.rootKey().orElse(null),
                    config.chain().epochLength(),
                    clock.instant());
            if (!sameHeads(stored, lastKnown)) {
                reloadTrees(stored);
            }
            heads = new HashMap<>(stored);
            assign();
        }

        /** The Merkle trees are rebuilt from the store only when the store is not where memory thinks. */
        private void reloadTrees(Map<Integer, ChainHead> stored) throws Exception {
            checkpointer.reset();
            for (ChainHead head : stored.values()) {
                long checkpointed =
                        checkpoints.latest(head.chain()).map(c -> c.treeSize()).orElse(0L);
                checkpointer.load(head.chain(), tree(head), head.headSeq(), head.headMac(), checkpointed);
            }
        }

        /**
         * A chain's compact range from its stored subtree roots and unfinished tail: O(log n) reads. A chain sealed
         * before the roots were stored is read in full once, and its roots are stored for every later start.
         */
        private CompactRange tree(ChainHead head) throws Exception {
            long size = head.headSeq() + 1;
            if (nodes.count(head.chain()) < MerkleNodeStore.expectedCount(size)) {
                CompactRange range = new CompactRange();
                List<MerkleNode> completed = new ArrayList<>();
                for (byte[] mac : chains.macs(head.chain())) {
                    range.append(Merkle.leafHash(mac), SubtreeProofs.STORED_FROM_LEVEL, completed);
                }
                nodes.insert(head.chain(), completed);
                return range;
            }
            try (MerkleNodeStore.Source source = nodes.open(head.chain())) {
                return new SubtreeProofs(source, size).compactRange();
            }
        }

        private static boolean sameHeads(Map<Integer, ChainHead> stored, Map<Integer, ChainHead> known) {
            if (stored.size() != known.size()) {
                return false;
            }
            for (ChainHead head : stored.values()) {
                ChainHead mine = known.get(head.partition());
                if (mine == null || mine.headSeq() != head.headSeq()) {
                    return false;
                }
            }
            return true;
        }

        private void assign() {
            List<PartitionInfo> partitions = kafka.partitionsFor(config.topic(), Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalStateException("the audit topic " + config.topic() + " has no partitions yet");
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            kafka.assign(assigned);
            for (TopicPartition partition : assigned) {
                ChainHead head = heads.get(partition.partition());
                kafka.seek(partition, head == null ? 0 : head.nextOffset());
            }
        }

        private void refreshPartitions() {
            int known = kafka.assignment().size();
            List<PartitionInfo> partitions = kafka.partitionsFor(config.topic(), Duration.ofSeconds(5));
            if (partitions != null && partitions.size() != known) {
                assign();
            }
        }

        /** Drops the in-memory view: the next step re-reads the store (once the writer is idle) and seeks back. */
        void lose(Exception failure) {
            writer.drain();
            if (!paused) {
                paused = true;
                pausedSince = clock.instant();
                pauseReason = failure.getMessage();
                // One line per outage; the readiness check names the dependency that is away.
                LOG.infof(
                        "audit sealing paused, nothing skipped, will resume from the stored position: %s",
                        failure.getMessage());
            }
            if (heads != null) {
                lastKnown = heads;
            }
            heads = null;
        }
    }

    /** Doubling pauses up to a ceiling while a dependency is away. */
    private static final class Backoff {

        private final long maxMillis;
        private long nextMillis = 100;

        private Backoff(Duration max) {
            this.maxMillis = max.toMillis();
        }

        void reset() {
            nextMillis = 100;
        }

        void pause() {
            try {
                Thread.sleep(nextMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            nextMillis = Math.min(maxMillis, nextMillis * 2);
        }
    }
}
