package io.sigil.core.vault;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals findings for the vault with its public key (ECIES over X25519, HKDF-SHA256 and AES-256-GCM; the layout is
 * {@link SealedFormat}'s). Whoever holds only this can seal but never open: a gateway's memory or disk gives an
 * attacker nothing it did not already see pass. Thread-safe.
 */
public final class EntrySealer {

    private final PublicKey recipient;
    private final byte[] recipientRaw;
    private final int keyVersion;
    private final SecureRandom random = new SecureRandom();

    public EntrySealer(byte[] recipientPublicKey, int keyVersion) {
        this.recipient = X25519Keys.publicKey(recipientPublicKey);
        this.recipientRaw = recipientPublicKey.clone();
        this.keyVersion = keyVersion;
    }

    public int keyVersion() {
        return keyVersion;
    }

    /**
     * A session: one ephemeral key agreement, whose secret seals any number of entries, each under its own key.
     * One per exchange keeps the cost of the agreement to one per answer, not one per finding.
     */
    public Session session() {
        try {
            KeyPair ephemeral = X25519Keys.generate();
            KeyAgreement agreement = KeyAgreement.getInstance(X25519Keys.ALGORITHM);
            agreement.init(ephemeral.getPrivate());
            agreement.doPhase(recipient, true);
            byte[] shared = agreement.generateSecret();
            byte[] ephemeralRaw = X25519Keys.raw(ephemeral.getPublic());
            byte[] prk = SealedFormat.extract(ephemeralRaw, recipientRaw, shared);
            Arrays.fill(shared, (byte) 0);
            return new Session(ephemeralRaw, prk);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the vault key agreement failed", e);
        }
    }

    /** Seals entries under one ephemeral key; not thread-safe. */
    public final class Session {

        private final byte[] ephemeral;
        private final byte[] prk;

        private Session(byte[] ephemeral, byte[] prk) {
            this.ephemeral = ephemeral;
            this.prk = prk;
        }

        /** The sealed form of {@code plaintext} for the entry {@code id} of {@code tenant}. */
        public byte[] seal(String id, String tenant, byte[] plaintext) {
            try {
                byte[] nonce = new byte[SealedFormat.NONCE];
                random.nextBytes(nonce);
                Cipher cipher = Cipher.getInstance(SealedFormat.CIPHER);
                cipher.init(
                        Cipher.ENCRYPT_MODE,
                        SealedFormat.entryKey(prk, id),
                        new GCMParameterSpec(SealedFormat.TAG_BITS, nonce));
                cipher.updateAAD(SealedFormat.aad(id, tenant, keyVersion));
                ByteBuffer out = ByteBuffer.allocate(SealedFormat.HEADER + cipher.getOutputSize(plaintext.length));
                out.put(SealedFormat.MAGIC).putInt(keyVersion).put(ephemeral).put(nonce);
                cipher.doFinal(ByteBuffer.wrap(plaintext), out);
                return out.array();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("an entry could not be sealed", e);
            }
        }
    }
}
