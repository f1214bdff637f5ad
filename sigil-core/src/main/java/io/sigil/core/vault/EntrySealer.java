package io.sigil.core.vault;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;

/**
 * Seals findings for the vault with its public key (ECIES over X25519, HKDF-SHA256 and AES-256-GCM; the layout is
 * {@link SealedFormat}'s). Whoever holds only this can seal but never open: it holds no key that opens an entry
 * once its session is closed. Thread-safe.
 */
public final class EntrySealer {

    private final PublicKey recipient;
    private final byte[] recipientRaw;
    private final int keyVersion;
    private final SecureRandom random = new SecureRandom();

    /**
     * @throws IllegalArgumentException if the key is not a canonical X25519 public key, or one of small order (with
     *     which no agreement can be made)
     */
    public EntrySealer(byte[] recipientPublicKey, int keyVersion) {
        this.recipient = X25519Keys.canonicalPublicKey(recipientPublicKey);
        this.recipientRaw = recipientPublicKey.clone();
        this.keyVersion = keyVersion;
        session().close();
    }

    public int keyVersion() {
        return keyVersion;
    }

    /**
     * A session: one ephemeral key agreement, whose secret seals any number of entries, each under its own key.
     * One per scan keeps the cost of the agreement to one per answer, not one per finding.
     */
    public Session session() {
        byte[] shared = null;
        try {
            KeyPair ephemeral = X25519Keys.generate();
            KeyAgreement agreement = KeyAgreement.getInstance(X25519Keys.ALGORITHM);
            agreement.init(ephemeral.getPrivate());
            agreement.doPhase(recipient, true);
            shared = agreement.generateSecret();
            byte[] ephemeralRaw = X25519Keys.raw(ephemeral.getPublic());
            return new Session(ephemeralRaw, SealedFormat.extract(ephemeralRaw, recipientRaw, shared));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("no key agreement with the vault's public key is possible", e);
        } finally {
            if (shared != null) {
                Arrays.fill(shared, (byte) 0);
            }
        }
    }

    /** Seals entries under one ephemeral key; not thread-safe. Closing wipes its secret. */
    public final class Session implements AutoCloseable {

        private final byte[] ephemeral;
        private final byte[] prk;
        private boolean closed;

        private Session(byte[] ephemeral, byte[] prk) {
            this.ephemeral = ephemeral;
            this.prk = prk;
        }

        /** The sealed form of {@code plaintext} for the entry {@code id} of {@code tenant}. */
        public byte[] seal(String id, String tenant, byte[] plaintext) {
            if (closed) {
                throw new IllegalStateException("the sealing session is closed");
            }
            try {
                byte[] nonce = new byte[SealedFormat.NONCE];
                random.nextBytes(nonce);
                Cipher cipher = SealedFormat.cipher(
                        Cipher.ENCRYPT_MODE, prk, SealedFormat.bound(id, tenant, keyVersion), nonce);
                ByteBuffer out = ByteBuffer.allocate(SealedFormat.HEADER + cipher.getOutputSize(plaintext.length));
                out.put(SealedFormat.MAGIC).putInt(keyVersion).put(ephemeral).put(nonce);
                cipher.doFinal(ByteBuffer.wrap(plaintext), out);
                return out.array();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("an entry could not be sealed", e);
            }
        }

        @Override
        public void close() {
            closed = true;
            Arrays.fill(prk, (byte) 0);
        }
    }
}
