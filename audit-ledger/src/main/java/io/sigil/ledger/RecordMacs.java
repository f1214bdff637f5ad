package io.sigil.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Recomputes {@link ChainMac} values of one chain: HMAC-SHA256 as two plain SHA-256 passes over buffers that hold the
 * padded key and the record's input, so that a record costs two calls of one digest method. Not thread-safe.
 */
final class RecordMacs {
    private static final int BLOCK = 64;

    private final Sha256Hasher sha = new Sha256Hasher();
    // (key ^ ipad) ‖ len32(chain) ‖ chain ‖ int64be(seq) ‖ prevMac ‖ eventSha256: the inner hash's whole input.
    private final byte[] inner;
    // (key ^ opad) ‖ the inner hash.
    private final byte[] outer = new byte[BLOCK + Sha256.LENGTH];
    private final int seqAt;
    private boolean keyed;

    RecordMacs(String chain) {
        byte[] chainUtf8 = chain.getBytes(StandardCharsets.UTF_8);
        seqAt = BLOCK + 4 + chainUtf8.length;
        inner = new byte[seqAt + 8 + 2 * ChainMac.LENGTH];
        for (int i = 0; i < 4; i++) {
            inner[BLOCK + i] = (byte) (chainUtf8.length >>> (24 - 8 * i));
        }
        System.arraycopy(chainUtf8, 0, inner, BLOCK + 4, chainUtf8.length);
    }

    /** Keys the MACs; the caller keeps ownership of {@code key} (and should wipe it). */
    void key(byte[] key) {
        HmacSha256.pads(key, inner, outer);
        keyed = true;
    }

    /** Writes the MAC of record {@code seq} to {@code out}; prevMac and eventSha256 must have 32 bytes each. */
    void mac(long seq, byte[] prevMac, byte[] eventSha256, byte[] out) {
        if (!keyed) {
            throw new IllegalStateException("MAC computed without a key");
        }
        for (int i = 0; i < 8; i++) {
            inner[seqAt + i] = (byte) (seq >>> (56 - 8 * i));
        }
        System.arraycopy(prevMac, 0, inner, seqAt + 8, ChainMac.LENGTH);
        System.arraycopy(eventSha256, 0, inner, seqAt + 8 + ChainMac.LENGTH, ChainMac.LENGTH);
        sha.hash(inner, 0, inner.length, outer, BLOCK);
        sha.hash(outer, 0, outer.length, out, 0);
    }

    /** Forgets the key: the pads and the last inner hash are zeroed. */
    void wipe() {
        Arrays.fill(inner, 0, BLOCK, (byte) 0);
        Arrays.fill(outer, (byte) 0);
        keyed = false;
    }
}
