package io.sigil.ledger;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Signs checkpoints with an Ed25519 key given as its 32-byte seed. Thread-safe. */
public final class CheckpointSigner {
    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;
    private final String keyId;

    public CheckpointSigner(byte[] ed25519Seed32) {
        if (ed25519Seed32 == null || ed25519Seed32.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException(
                    "an Ed25519 seed has " + Ed25519PrivateKeyParameters.KEY_SIZE + " bytes");
        }
        this.privateKey = new Ed25519PrivateKeyParameters(ed25519Seed32, 0);
        this.publicKey = privateKey.generatePublicKey().getEncoded();
        this.keyId = keyIdOf(publicKey);
    }

    /** The first 16 hex characters of SHA-256 over the raw 32-byte public key. */
    public static String keyIdOf(byte[] publicKey) {
        return Hex.encode(Sha256.digest(publicKey)).substring(0, 16);
    }

    public String keyId() {
        return keyId;
    }

    /** The raw 32-byte public key (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** A copy of {@code unsigned} carrying this signer's key id and a signature over its payload (key id included). */
    public Checkpoint sign(Checkpoint unsigned) {
        byte[] payload = unsigned.withSignature(keyId, null).signingPayload();
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(payload, 0, payload.length);
        return unsigned.withSignature(keyId, signer.generateSignature());
    }
}
