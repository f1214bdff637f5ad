package io.sigil.core.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The layout of a sealed vault entry and the derivation of its key, shared by the sealer and the opener.
 *
 * <pre>
 * "SV" 0x02 | key version (4, big-endian) | ephemeral X25519 public key (32) | nonce (12) | AES-256-GCM ciphertext+tag
 * prk  = HMAC-SHA256(salt = ephemeral ‖ recipient, X25519(ephemeral, recipient))       (HKDF-Extract)
 * key  = HMAC-SHA256(prk, bound ‖ 0x01)                                               (HKDF-Expand, one block)
 * aad  = bound
 * bound = "sigil-vault-entry/2" ‖ len ‖ id ‖ len ‖ tenant ‖ key version             (len: 4 bytes, big-endian)
 * </pre>
 *
 * The id, tenant and key version are bound into both the key and the associated data, each field with its length,
 * so a ciphertext copied to another entry, tenant or key version does not open.
 */
final class SealedFormat {

    static final byte[] MAGIC = {'S', 'V', 2};
    static final int NONCE = 12;
    static final int TAG_BITS = 128;
    static final int HEADER = MAGIC.length + Integer.BYTES + X25519Keys.LENGTH + NONCE;
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final String HMAC = "HmacSHA256";
    private static final byte[] LABEL = "sigil-vault-entry/2".getBytes(StandardCharsets.US_ASCII);

    private SealedFormat() {}

    static byte[] extract(byte[] ephemeral, byte[] recipient, byte[] shared) throws GeneralSecurityException {
        byte[] salt = new byte[ephemeral.length + recipient.length];
        System.arraycopy(ephemeral, 0, salt, 0, ephemeral.length);
        System.arraycopy(recipient, 0, salt, ephemeral.length, recipient.length);
        return hmac(salt, shared);
    }

    /** What an entry is bound to: its id, tenant and key version, each field length-prefixed. */
    static byte[] bound(String id, String tenant, int keyVersion) {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        byte[] tenantBytes = tenant.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(LABEL.length + 3 * Integer.BYTES + idBytes.length + tenantBytes.length)
                .put(LABEL)
                .putInt(idBytes.length)
                .put(idBytes)
                .putInt(tenantBytes.length)
                .put(tenantBytes)
                .putInt(keyVersion)
                .array();
    }

    /**
     * The AES-256-GCM cipher of one entry, for {@code mode}: its key derived from {@code prk} and what it is bound to
     * (and wiped here), the same bound bytes as its associated data.
     */
    static Cipher cipher(int mode, byte[] prk, byte[] bound, byte[] nonce) throws GeneralSecurityException {
        byte[] info =
                ByteBuffer.allocate(bound.length + 1).put(bound).put((byte) 1).array();
        byte[] key = hmac(prk, info);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(bound);
            return cipher;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(HMAC);
        mac.init(new SecretKeySpec(key, HMAC));
        return mac.doFinal(data);
    }
}
