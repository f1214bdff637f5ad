package io.sigil.ledger;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) over reusable digests; unlike javax.crypto.Mac it leaves no copy of the key behind once
 * {@link #wipe()} has run, which the forward-secure epoch keys depend on.
 */
final class HmacSha256 {
    static final int LENGTH = Sha256.LENGTH;
    private static final int BLOCK = 64;

    private final MessageDigest inner = Sha256.newDigest();
    private final MessageDigest outer = Sha256.newDigest();
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] innerHash = new byte[LENGTH];
    private final byte[] scratch = new byte[8];
    private boolean keyed;

    /** Keys this instance; the caller keeps ownership of {@code key} (and should wipe it). */
    void init(byte[] key) {
        pads(key, innerPad, outerPad);
        inner.reset();
        inner.update(innerPad);
        keyed = true;
    }

    /** RFC 2104's padded keys, written into the first 64 bytes of each array; a longer key is hashed first. */
    static void pads(byte[] key, byte[] innerPad, byte[] outerPad) {
        byte[] k = key.length > BLOCK ? Sha256.newDigest().digest(key) : key;
        Arrays.fill(innerPad, 0, BLOCK, (byte) 0x36);
        Arrays.fill(outerPad, 0, BLOCK, (byte) 0x5c);
        for (int i = 0; i < k.length; i++) {
            innerPad[i] ^= k[i];
            outerPad[i] ^= k[i];
        }
        if (k != key) {
            Arrays.fill(k, (byte) 0);
        }
    }

    void update(byte[] data) {
        inner.update(data);
    }

    void update(byte[] data, int offset, int length) {
        inner.update(data, offset, length);
    }

    void updateInt32(int value) {
        for (int i = 0; i < 4; i++) {
            scratch[i] = (byte) (value >>> (24 - 8 * i));
        }
        inner.update(scratch, 0, 4);
    }

    void updateInt64(long value) {
        for (int i = 0; i < 8; i++) {
            scratch[i] = (byte) (value >>> (56 - 8 * i));
        }
        inner.update(scratch, 0, 8);
    }

    byte[] doFinal() {
        byte[] out = new byte[LENGTH];
        doFinal(out, 0);
        return out;
    }

    /** Writes the MAC of everything since the last init/doFinal and gets ready for the next message, same key. */
    void doFinal(byte[] out, int offset) {
        if (!keyed) {
            throw new IllegalStateException("HMAC used without a key");
        }
        try {
            inner.digest(innerHash, 0, LENGTH);
            outer.update(outerPad);
            outer.update(innerHash);
            outer.digest(out, offset, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        inner.update(innerPad);
    }

    void wipe() {
        Arrays.fill(innerPad, (byte) 0);
        Arrays.fill(outerPad, (byte) 0);
        Arrays.fill(innerHash, (byte) 0);
        inner.reset();
        outer.reset();
        keyed = false;
    }

    static byte[] mac(byte[] key, byte[] data) {
        HmacSha256 hmac = new HmacSha256();
        hmac.init(key);
        hmac.update(data);
        byte[] out = hmac.doFinal();
        hmac.wipe();
        return out;
    }
}
