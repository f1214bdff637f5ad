package io.sigil.ledger;

import java.security.DigestException;
import java.security.MessageDigest;

/** SHA-256 of one byte range per call into a caller's array. Not thread-safe. */
final class Sha256Hasher {
    // Every digest the verifier takes per record goes through this one method: the JIT then compiles the digest
    // path once, instead of once more inside each caller for each update and digest call.
    private final MessageDigest digest = Sha256.newDigest();

    /** Writes SHA-256 of {@code in[offset, offset + length)} to {@code out[outOffset, outOffset + 32)}. */
    void hash(byte[] in, int offset, int length, byte[] out, int outOffset) {
        digest.update(in, offset, length);
        try {
            digest.digest(out, outOffset, Sha256.LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }
}
