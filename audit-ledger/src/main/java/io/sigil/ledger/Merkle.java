package io.sigil.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** RFC 6962 / RFC 9162 Merkle tree hashing, audit paths and their verification. */
public final class Merkle {
    public static final int HASH_LENGTH = Sha256.LENGTH;
    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT = Sha256.newDigest().digest();

    private Merkle() {}

    /** SHA-256(0x00 ‖ data). */
    public static byte[] leafHash(byte[] data) {
        return leafHash(Sha256.newDigest(), data);
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return nodeHash(Sha256.newDigest(), left, right);
    }

    /** MTH({}) = SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** MTH(D[n]) per RFC 6962 §2.1. */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        return subtreeRoot(Sha256.newDigest(), leafHashes, 0, leafHashes.size());
    }

    /** PATH(index, D[n]) per RFC 6962 §2.1.1, deepest sibling first. */
    public static List<byte[]> inclusionProof(int index, List<byte[]> leafHashes) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf index " + index + " outside a tree of " + leafHashes.size());
        }
        List<byte[]> proof = new ArrayList<>();
        path(Sha256.newDigest(), index, leafHashes, 0, leafHashes.size(), proof);
        return proof;
    }

    /** RFC 9162 §2.1.3.2: recomputes the root from a leaf hash and its inclusion proof. */
    public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= treeSize || leafHash == null || proof == null || root == null) {
            return false;
        }
        MessageDigest digest = Sha256.newDigest();
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || p == null) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(digest, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(digest, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    static byte[] leafHash(MessageDigest digest, byte[] data) {
        digest.update(LEAF_PREFIX);
        digest.update(data);
        return digest.digest();
    }

    static byte[] nodeHash(MessageDigest digest, byte[] left, byte[] right) {
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The largest power of two strictly below n (n ≥ 2): where MTH splits. */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] subtreeRoot(MessageDigest digest, List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from).clone();
        }
        int k = split(n);
        return nodeHash(digest, subtreeRoot(digest, leaves, from, from + k), subtreeRoot(digest, leaves, from + k, to));
    }

    private static void path(MessageDigest digest, int m, List<byte[]> leaves, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = split(n);
        if (m < k) {
            path(digest, m, leaves, from, from + k, out);
            out.add(subtreeRoot(digest, leaves, from + k, to));
        } else {
            path(digest, m - k, leaves, from + k, to, out);
            out.add(subtreeRoot(digest, leaves, from, from + k));
        }
    }
}
