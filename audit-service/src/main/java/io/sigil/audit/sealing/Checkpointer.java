package io.sigil.audit.sealing;

import io.sigil.audit.store.CheckpointStore;
import io.sigil.ledger.Checkpoint;
import io.sigil.ledger.CheckpointSigner;
import io.sigil.ledger.CompactRange;
import io.sigil.ledger.Merkle;
import io.sigil.ledger.MerkleNode;
import io.sigil.ledger.SealedRecord;
import io.sigil.ledger.SubtreeProofs;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps each chain's Merkle tree as a compact range and issues a signed checkpoint of every chain that
 * grew, once per interval or after a number of records. Thread-confined to the sealer.
 */
public final class Checkpointer {

    private final CheckpointStore store;
    private final CheckpointSigner signer;
    private final Duration interval;
    private final int everyRecords;
    private final Map<String, Tree> trees = new HashMap<>();
    private Instant lastIssued = Instant.EPOCH;
    private int sinceLast;

    public Checkpointer(CheckpointStore store, CheckpointSigner signer, Duration interval, int everyRecords) {
        this.store = store;
        this.signer = signer;
        this.interval = interval;
        this.everyRecords = everyRecords;
    }

    /** Forgets every tree: after a failed batch the stored chains are the truth again. */
    public void reset() {
        trees.clear();
    }

    public boolean knows(String chain) {
        return trees.containsKey(chain);
    }

    /** Resumes a chain's tree from its compact range and the size of its latest stored checkpoint. */
    public void load(String chain, CompactRange range, long headSeq, byte[] headMac, long checkpointedSize) {
        trees.put(chain, new Tree(range, headSeq, headMac, checkpointedSize));
    }

    /**
     * The chain's tree as it will be once {@code records} are committed, and the subtree roots they complete, to
     * be stored with them; the tree in use changes only when {@link #appended(Growth)} says they are committed.
     */
    public Growth grow(String chain, List<PendingRecord> records) {
        Tree tree = trees.get(chain);
        CompactRange range = tree == null ? new CompactRange() : tree.range.copy();
        List<MerkleNode> completed = new ArrayList<>();
        for (PendingRecord record : records) {
            range.append(Merkle.leafHash(record.sealed().mac()), SubtreeProofs.STORED_FROM_LEVEL, completed);
        }
        SealedRecord last = records.get(records.size() - 1).sealed();
        return new Growth(chain, range, last.seq(), last.mac(), records.size(), completed);
    }

    /** Adopts a growth whose records are now committed. */
    public void appended(Growth growth) {
        Tree tree = trees.get(growth.chain());
        long checkpointed = tree == null ? 0 : tree.checkpointedSize;
        trees.put(growth.chain(), new Tree(growth.range(), growth.headSeq(), growth.headMac(), checkpointed));
        sinceLast += growth.records();
    }

    /** A chain's tree grown by one batch, not yet adopted. */
    public record Growth(
            String chain, CompactRange range, long headSeq, byte[] headMac, int records, List<MerkleNode> nodes) {}

    /** Issues checkpoints if it is time; a failure leaves them for the next call. */
    public void maybeIssue(Instant now, long epoch) throws SQLException {
        boolean due = sinceLast >= everyRecords || !now.isBefore(lastIssued.plus(interval));
        if (!due) {
            return;
        }
        for (Map.Entry<String, Tree> entry : trees.entrySet()) {
            Tree tree = entry.getValue();
            if (tree.range.size() == tree.checkpointedSize || tree.headMac == null) {
                continue;
            }
            Checkpoint unsigned = new Checkpoint(
                    entry.getKey(),
                    tree.range.size(),
                    tree.range.root(),
                    tree.headSeq,
                    tree.headMac,
                    epoch,
                    now,
                    null,
                    null);
            store.insert(signer.sign(unsigned));
            tree.checkpointedSize = tree.range.size();
        }
        lastIssued = now;
        sinceLast = 0;
    }

    private static final class Tree {
        private final CompactRange range;
        private long headSeq;
        private byte[] headMac;
        private long checkpointedSize;

        private Tree(CompactRange range, long headSeq, byte[] headMac, long checkpointedSize) {
            this.range = range;
            this.headSeq = headSeq;
            this.headMac = headMac;
            this.checkpointedSize = checkpointedSize;
        }
    }
}
