package io.sigil.audit.sealing;

import io.sigil.ledger.MerkleNode;
import java.util.List;

/**
 * The records sealed onto one chain in one batch, the head before and after them, and the Merkle subtree roots
 * they complete (stored in the same transaction).
 */
public record ChainAppend(ChainHead before, ChainHead after, List<PendingRecord> records, List<MerkleNode> nodes) {

    public ChainAppend {
        records = List.copyOf(records);
        nodes = List.copyOf(nodes);
    }

    public ChainAppend(ChainHead before, ChainHead after, List<PendingRecord> records) {
        this(before, after, records, List.of());
    }

    public ChainAppend withNodes(List<MerkleNode> completed) {
        return new ChainAppend(before, after, records, completed);
    }
}
