package io.sigil.ledger;

import java.util.Objects;

/**
 * The root of a perfect RFC 6962 subtree: 2^level leaves starting at leaf {@code index × 2^level}. Such a hash never
 * changes once its last leaf is appended, so it can be stored and reused for every later proof.
 */
public record MerkleNode(int level, long index, byte[] hash) {

    public MerkleNode {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("no subtree at level " + level + ", index " + index);
        }
        Objects.requireNonNull(hash, "hash");
    }

    /** The first leaf the subtree covers. */
    public long firstLeaf() {
        return index << level;
    }
}
