package io.sigil.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only Merkle tree that keeps only the roots of its perfect subtrees (one per set bit of the size), so
 * appending costs O(1) amortised and memory O(log n). Not thread-safe.
 */
public final class CompactRange {
    private final MessageDigest digest = Sha256.newDigest();
    private final Sha256Hasher sha = new Sha256Hasher();
    // The prefix byte and the one or two hashes a leaf or node hash covers, so each costs one hashing call.
    private final byte[] hashInput = new byte[1 + 2 * Merkle.HASH_LENGTH];
    private final ArrayList<byte[]> subtrees = new ArrayList<>(64);
    private long size;

    public CompactRange() {}

    /** Resumes from {@link #size()} and {@link #subtreeHashes()} saved earlier. */
    public static CompactRange restore(long size, List<byte[]> subtreeHashes) {
        if (size < 0 || Long.bitCount(size) != subtreeHashes.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(Math.max(size, 0))
                    + " perfect subtrees, not " + subtreeHashes.size());
        }
        CompactRange range = new CompactRange();
        for (byte[] hash : subtreeHashes) {
            range.subtrees.add(requireHash(hash).clone());
        }
        range.size = size;
        return range;
    }

    /** Appends a leaf hash (already {@link Merkle#leafHash(byte[]) prefixed and hashed}). */
    public void append(byte[] leafHash) {
        push(requireHash(leafHash).clone());
    }

    /**
     * Appends a leaf hash and adds to {@code completed} every perfect subtree of at least 2^{@code minLevel} leaves
     * that this leaf completes: the nodes a store keeps so that proofs need not read every leaf.
     */
    public void append(byte[] leafHash, int minLevel, List<MerkleNode> completed) {
        if (minLevel < 1) {
            throw new IllegalArgumentException("stored subtrees start at level 1, not " + minLevel);
        }
        byte[] hash = requireHash(leafHash).clone();
        int level = 0;
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            hash = Merkle.nodeHash(digest, subtrees.remove(subtrees.size() - 1), hash);
            level++;
            if (level >= minLevel) {
                // The new leaf is the last of this subtree, so leaf `size` lies in subtree number size >> level.
                completed.add(new MerkleNode(level, size >>> level, hash.clone()));
            }
        }
        subtrees.add(hash);
        size++;
    }

    /** An independent copy: grows without changing this one. */
    public CompactRange copy() {
        CompactRange copy = new CompactRange();
        copy.subtrees.addAll(subtrees);
        copy.size = size;
        return copy;
    }

    /** Appends the leaf whose data is {@code leafData}, hashing it here. */
    public void appendLeafData(byte[] leafData) {
        if (leafData.length != Merkle.HASH_LENGTH) {
            push(Merkle.leafHash(digest, leafData));
            return;
        }
        hashInput[0] = Merkle.LEAF_PREFIX;
        System.arraycopy(leafData, 0, hashInput, 1, Merkle.HASH_LENGTH);
        byte[] leafHash = new byte[Merkle.HASH_LENGTH];
        sha.hash(hashInput, 0, 1 + Merkle.HASH_LENGTH, leafHash, 0);
        push(leafHash);
    }

    /** Appends the leaf hash {@code hashes[at, at + 32)}, taken elsewhere as {@link #appendLeafData} would. */
    void appendLeafHash(byte[] hashes, int at) {
        push(Arrays.copyOfRange(hashes, at, at + Merkle.HASH_LENGTH));
    }

    public long size() {
        return size;
    }

    /** MTH of all leaves appended so far; equal to {@link Merkle#root(List)} over them. */
    public byte[] root() {
        if (subtrees.isEmpty()) {
            return Merkle.emptyRoot();
        }
        // MTH splits off the largest perfect subtree first, so fold the smaller ones in from the right.
        int top = subtrees.size() - 1;
        byte[] root = subtrees.get(top).clone();
        for (int i = top - 1; i >= 0; i--) {
            root = Merkle.nodeHash(digest, subtrees.get(i), root);
        }
        return root;
    }

    /** The perfect subtree roots, largest (leftmost) first: with {@link #size()}, all that is needed to resume. */
    public List<byte[]> subtreeHashes() {
        List<byte[]> copy = new ArrayList<>(subtrees.size());
        for (byte[] hash : subtrees) {
            copy.add(hash.clone());
        }
        return copy;
    }

    private void push(byte[] leafHash) {
        byte[] hash = leafHash;
        // Each trailing 1 bit of the old size is a perfect subtree of the same height as the one being carried up.
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            hash = nodeHash(subtrees.remove(subtrees.size() - 1), hash);
        }
        subtrees.add(hash);
        size++;
    }

    /** The same as {@link Merkle#nodeHash(byte[], byte[])}, in one hashing call. */
    private byte[] nodeHash(byte[] left, byte[] right) {
        hashInput[0] = Merkle.NODE_PREFIX;
        System.arraycopy(left, 0, hashInput, 1, Merkle.HASH_LENGTH);
        System.arraycopy(right, 0, hashInput, 1 + Merkle.HASH_LENGTH, Merkle.HASH_LENGTH);
        byte[] node = new byte[Merkle.HASH_LENGTH];
        sha.hash(hashInput, 0, hashInput.length, node, 0);
        return node;
    }

    private static byte[] requireHash(byte[] hash) {
        if (hash == null || hash.length != Merkle.HASH_LENGTH) {
            throw new IllegalArgumentException("a Merkle hash has " + Merkle.HASH_LENGTH + " bytes");
        }
        return hash;
    }
}
