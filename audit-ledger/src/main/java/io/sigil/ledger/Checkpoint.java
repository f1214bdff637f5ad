package io.sigil.ledger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signed statement of a chain's Merkle root over its first {@code treeSize} records. Arrays are shared, not copied.
 *
 * @param headSeq seq of the last record covered, -1 for an empty tree
 * @param headMac mac of that record (for an empty tree, {@link ChainMac#GENESIS_PREV_MAC})
 * @param keyId null until signed
 * @param signature Ed25519 over {@link #signingPayload()}, null until signed
 */
public record Checkpoint(
        String chain,
        long treeSize,
        byte[] root,
        long headSeq,
        byte[] headMac,
        long epoch,
        Instant issuedAt,
        String keyId,
        byte[] signature) {

    // Beyond 2^53 JCS numbers go through a double and two values could share one payload.
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    public Checkpoint {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public static Checkpoint unsigned(
            String chain, long treeSize, byte[] root, long headSeq, byte[] headMac, long epoch, Instant issuedAt) {
        return new Checkpoint(chain, treeSize, root, headSeq, headMac, epoch, issuedAt, null, null);
    }

    public Checkpoint withSignature(String keyId, byte[] signature) {
        return new Checkpoint(chain, treeSize, root, headSeq, headMac, epoch, issuedAt, keyId, signature);
    }

    /** JCS bytes of every field but the signature: byte arrays in lower-case hex, issued_at in ISO-8601. */
    public byte[] signingPayload() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("chain", chain);
        json.put("tree_size", safe("tree_size", treeSize));
        json.put("root", Hex.encode(root));
        json.put("head_seq", safe("head_seq", headSeq));
        json.put("head_mac", headMac == null ? null : Hex.encode(headMac));
        json.put("epoch", safe("epoch", epoch));
        json.put("issued_at", issuedAt.toString());
        json.put("key_id", keyId);
        return Jcs.canonicalize(json);
    }

    private static long safe(String name, long value) {
        if (value < -MAX_SAFE_INTEGER || value > MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException(name + " " + value + " is beyond the exact range of JSON numbers");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c
                && treeSize == c.treeSize
                && headSeq == c.headSeq
                && epoch == c.epoch
                && chain.equals(c.chain)
                && Arrays.equals(root, c.root)
                && Arrays.equals(headMac, c.headMac)
                && issuedAt.equals(c.issuedAt)
                && Objects.equals(keyId, c.keyId)
                && Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(chain, treeSize, headSeq, epoch, issuedAt, keyId);
        h = 31 * h + Arrays.hashCode(root);
        h = 31 * h + Arrays.hashCode(headMac);
        return 31 * h + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Checkpoint[chain=" + chain + ", treeSize=" + treeSize + ", root=" + Hex.encode(root) + ", headSeq="
                + headSeq + ", headMac=" + hex(headMac) + ", epoch=" + epoch + ", issuedAt=" + issuedAt + ", keyId="
                + keyId + ", signature=" + hex(signature) + "]";
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : Hex.encode(bytes);
    }
}
