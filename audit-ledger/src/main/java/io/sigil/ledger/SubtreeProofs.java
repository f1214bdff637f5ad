package io.sigil.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 6962 inclusion proofs and roots from stored subtree roots: every perfect subtree of at least 2^{@value
 * #STORED_FROM_LEVEL} leaves is read as one stored node, and only the leaves of at most two blocks below that size
 * are read (the proven leaf's and the tree's unfinished tail). A proof thus costs O(log n) node reads plus at most
 * 2 × 2^{@value #STORED_FROM_LEVEL} leaves, whatever the size of the chain. A node the source does not have is
 * computed from the nodes or leaves below it, so a chain sealed before nodes were stored still gets correct proofs.
 * Same proofs and roots as {@link Merkle}; one instance per tree size, not thread-safe.
 */
public final class SubtreeProofs {

    /** The lowest level whose subtree roots a store keeps (subtrees of 256 leaves and up). */
    public static final int STORED_FROM_LEVEL = 8;

    private static final long BLOCK = 1L << STORED_FROM_LEVEL;

    private final SubtreeSource source;
    private final long treeSize;
    private final Map<Long, List<byte[]>> blocks = new HashMap<>();

    public SubtreeProofs(SubtreeSource source, long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("negative tree size " + treeSize);
        }
        this.source = source;
        this.treeSize = treeSize;
    }

    /** PATH(index, D[treeSize]), deepest sibling first, as {@link Merkle#inclusionProof} gives it. */
    public List<byte[]> inclusionProof(long index) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf index " + index + " outside a tree of " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, treeSize, proof);
        return proof;
    }

    /** The leaf hash at {@code index}. */
    public byte[] leafHash(long index) {
        return leaf(index).clone();
    }

    /** MTH(D[treeSize]). */
    public byte[] root() {
        return treeSize == 0 ? Merkle.emptyRoot() : subtree(0, treeSize).clone();
    }

    /** The compact range of the whole tree (its perfect subtrees, largest first): how a sealer resumes. */
    public CompactRange compactRange() {
        List<byte[]> peaks = new ArrayList<>();
        long from = 0;
        for (int level = 62; level >= 0; level--) {
            long size = 1L << level;
            if ((treeSize & size) != 0) {
                peaks.add(subtree(from, from + size));
                from += size;
            }
        }
        return CompactRange.restore(treeSize, peaks);
    }

    private void path(long m, long from, long to, List<byte[]> out) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(m, from, from + k, out);
            out.add(subtree(from + k, to).clone());
        } else {
            path(m - k, from + k, to, out);
            out.add(subtree(from, from + k).clone());
        }
    }

    /** MTH of leaves [from, to); the ranges MTH's recursion visits start at a multiple of their split size. */
    private byte[] subtree(long from, long to) {
        long n = to - from;
        if (n == 1) {
            return leaf(from);
        }
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            if (level >= STORED_FROM_LEVEL) {
                byte[] stored = source.node(level, from >>> level);
                if (stored != null) {
                    if (stored.length != Merkle.HASH_LENGTH) {
                        throw new IllegalStateException("a stored subtree root has " + stored.length + " bytes");
                    }
                    return stored;
                }
            }
        }
        long k = Long.highestOneBit(n - 1);
        return Merkle.nodeHash(subtree(from, from + k), subtree(from + k, to));
    }

    private byte[] leaf(long index) {
        long start = index & -BLOCK;
        List<byte[]> block = blocks.get(start);
        if (block == null) {
            // One read per block of leaves: a proof needs at most the leaf's own block and the tree's tail.
            long end = Math.min(start + BLOCK, treeSize);
            block = source.leafHashes(start, end);
            if (block.size() != end - start) {
                throw new MissingLeavesException(start, end, block.size());
            }
            blocks.put(start, block);
        }
        return block.get((int) (index - start));
    }

    /** The source had fewer leaves than the tree size says: records are missing from the store. */
    public static final class MissingLeavesException extends IllegalStateException {
        MissingLeavesException(long from, long to, int found) {
            super("leaves " + from + ".." + (to - 1) + " expected, " + found + " found");
        }
    }
}
