package io.sigil.ledger;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Checks a checkpoint's Ed25519 signature. */
public final class CheckpointVerifier {
    private static final int SIGNATURE_LENGTH = 64;

    private CheckpointVerifier() {}

    /** False for a missing or malformed signature or key, a key id that is not this key's, or a bad signature. */
    public static boolean verify(Checkpoint c, byte[] publicKey) {
        if (c == null
                || c.signature() == null
                || c.signature().length != SIGNATURE_LENGTH
                || publicKey == null
                || publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            return false;
        }
        if (c.keyId() != null && !c.keyId().equals(CheckpointSigner.keyIdOf(publicKey))) {
            return false;
        }
        try {
            byte[] payload = c.signingPayload();
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(payload, 0, payload.length);
            return verifier.verifySignature(c.signature());
        } catch (IllegalArgumentException e) {
            return false; // not a point on the curve, or fields outside the signable range
        }
    }
}
