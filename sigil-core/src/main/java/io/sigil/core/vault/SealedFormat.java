package io.sigil.core.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The layout of a sealed vault entry and the derivation of its key, shared by the sealer and the opener.
 *
 * <pre>
 * "SV" 0x01 | key version (4, big-endian) | ephemeral X25519 public key (32) | nonce (12) | AES-256-GCM ciphertext+tag
 * prk = HMAC-SHA256(salt = ephemeral ‖ recipient, X25519(ephemeral, recipient))      (HKDF-Extract)
 * key = HMAC-SHA256(prk, "sigil-vault-entry/1" ‖ 0x00 ‖ id ‖ 0x01)                   (HKDF-Expand, one block)
 * aad = "sigil-vault/1" ‖ 0x00 ‖ id ‖ 0x00 ‖ tenant ‖ 0x00 ‖ key version
 * </pre>
 *
 * The id and tenant are bound twice, into the key and the associated data, so a ciphertext copied to another
 * entry or tenant does not open.
 */
final class SealedFormat {

    static final byte[] MAGIC = {'S', 'V', 1};
    static final int NONCE = 12;
    static final int TAG_BITS = 128;
    static final int HEADER = MAGIC.length + Integer.BYTES + X25519Keys.LENGTH + NONCE;
    static final String CIPHER = "AES/GCM/NoPadding";
    private static final String HMAC = "HmacSHA256";
    private static final byte[] KEY_INFO = "sigil-vault-entry/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AAD_LABEL = "sigil-vault/1".getBytes(StandardCharsets.US_ASCII);

    private SealedFormat() {}

    static byte[] extract(byte[] ephemeral, byte[] recipient, byte[] shared) throws GeneralSecurityException {
        byte[] salt = new byte[ephemeral.length + recipient.length];
        System.arraycopy(ephemeral, 0, salt, 0, ephemeral.length);
        System.arraycopy(recipient, 0, salt, ephemeral.length, recipient.length);
        return hmac(salt, shared);
    }

    static SecretKeySpec entryKey(byte[] prk, String id) throws GeneralSecurityException {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        byte[] info = ByteBuffer.allocate(KEY_INFO.length + 1 + idBytes.length + 1)
                .put(KEY_INFO)
                .put((byte) 0)
                .put(idBytes)
                .put((byte) 1)
                .array();
        return new SecretKeySpec(hmac(prk, info), "AES");
    }

    static byte[] aad(String id, String tenant, int keyVersion) {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        byte[] tenantBytes = tenant.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(AAD_LABEL.length + idBytes.length + tenantBytes.length + 3 + Integer.BYTES)
                .put(AAD_LABEL)
                .put((byte) 0)
                .put(idBytes)
                .put((byte) 0)
                .put(tenantBytes)
                .put((byte) 0)
                .putInt(keyVersion)
                .array();
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(HMAC);
        mac.init(new SecretKeySpec(key, HMAC));
        return mac.doFinal(data);
    }
}
