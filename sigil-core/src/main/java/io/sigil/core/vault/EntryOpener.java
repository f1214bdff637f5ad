package io.sigil.core.vault;

import io.sigil.core.spi.VaultProvider.VaultException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;

/**
 * Opens entries sealed by {@link EntrySealer}, with the vault's private keys by version so that old entries
 * still open after a rotation. Any change to the ciphertext, its id, tenant or key version is refused.
 */
public final class EntryOpener {

    private record Recipient(PrivateKey key, byte[] publicRaw) {}

    private final Map<Integer, Recipient> recipients = new TreeMap<>();

    /** @param privateKeys raw X25519 private keys by key version */
    public EntryOpener(Map<Integer, byte[]> privateKeys) {
        privateKeys.forEach((version, raw) -> {
            PrivateKey key = X25519Keys.privateKey(raw);
            recipients.put(version, new Recipient(key, X25519Keys.publicOf(raw)));
        });
    }

    /** The public key of a version, as gateways are configured with it. */
    public byte[] publicKey(int version) {
        Recipient recipient = recipients.get(version);
        if (recipient == null) {
            throw new IllegalArgumentException("no vault key has version " + version);
        }
        return recipient.publicRaw().clone();
    }

    /**
     * The plaintext of an entry; {@code keyVersion} is the version recorded beside it, which must be the one its
     * header names.
     */
    public byte[] open(String id, String tenant, int keyVersion, byte[] sealed) throws VaultException {
        if (sealed == null
                || sealed.length < SealedFormat.HEADER + SealedFormat.TAG_BITS / 8
                || !Arrays.equals(
                        sealed, 0, SealedFormat.MAGIC.length, SealedFormat.MAGIC, 0, SealedFormat.MAGIC.length)) {
            throw new VaultException("entry " + id + " is not a sealed vault entry");
        }
        ByteBuffer in = ByteBuffer.wrap(sealed).position(SealedFormat.MAGIC.length);
        int version = in.getInt();
        if (version != keyVersion) {
            throw new VaultException(
                    "entry " + id + " is recorded with key version " + keyVersion + " but sealed with " + version);
        }
        Recipient recipient = recipients.get(version);
        if (recipient == null) {
            throw new VaultException("entry " + id + " was sealed with key version " + version + ", which is not held");
        }
        byte[] ephemeral = new byte[X25519Keys.LENGTH];
        byte[] nonce = new byte[SealedFormat.NONCE];
        in.get(ephemeral).get(nonce);
        byte[] shared = null;
        byte[] prk = null;
        try {
            KeyAgreement agreement = KeyAgreement.getInstance(X25519Keys.ALGORITHM);
            agreement.init(recipient.key());
            agreement.doPhase(X25519Keys.publicKey(ephemeral), true);
            shared = agreement.generateSecret();
            prk = SealedFormat.extract(ephemeral, recipient.publicRaw(), shared);
            Cipher cipher =
                    SealedFormat.cipher(Cipher.DECRYPT_MODE, prk, SealedFormat.bound(id, tenant, version), nonce);
            return cipher.doFinal(sealed, SealedFormat.HEADER, sealed.length - SealedFormat.HEADER);
        } catch (GeneralSecurityException | IllegalArgumentException refused) {
            // Only the type: a tampered entry, a wrong id or tenant, or a low-order ephemeral key.
            throw new VaultException(
                    "entry " + id + " does not open (" + refused.getClass().getSimpleName() + ")");
        } finally {
            wipe(shared);
            wipe(prk);
        }
    }

    private static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
