package io.sigil.ledger;

import java.util.Arrays;

/** HKDF with HMAC-SHA256 (RFC 5869): extract and expand. */
public final class Hkdf {
    public static final int HASH_LENGTH = HmacSha256.LENGTH;

    private Hkdf() {}

    /** PRK = HMAC-Hash(salt, IKM); an empty or null salt means HashLen zero bytes, as §2.2 says. */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        byte[] effectiveSalt = salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt;
        return HmacSha256.mac(effectiveSalt, ikm);
    }

    /** OKM of {@code length} bytes: T(1) | T(2) | ..., T(i) = HMAC-Hash(PRK, T(i-1) | info | i). */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException(
                    "HKDF-Expand length must be 0.." + 255 * HASH_LENGTH + ", was " + length);
        }
        byte[] effectiveInfo = info == null ? new byte[0] : info;
        HmacSha256 hmac = new HmacSha256();
        hmac.init(prk);
        byte[] okm = new byte[length];
        byte[] block = new byte[HASH_LENGTH];
        int written = 0;
        for (int i = 1; written < length; i++) {
            if (i > 1) {
                hmac.update(block);
            }
            hmac.update(effectiveInfo);
            hmac.update(new byte[] {(byte) i});
            hmac.doFinal(block, 0);
            int n = Math.min(HASH_LENGTH, length - written);
            System.arraycopy(block, 0, okm, written, n);
            written += n;
        }
        Arrays.fill(block, (byte) 0);
        hmac.wipe();
        return okm;
    }
}
