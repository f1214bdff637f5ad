package io.sigil.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 instances and one-shot digests. */
final class Sha256 {
    static final int LENGTH = 32;

    // MessageDigest is not thread-safe; one per thread saves the provider lookup on every sealed record.
    private static final ThreadLocal<MessageDigest> PER_THREAD = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {}

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    static byte[] digest(byte[] data) {
        return PER_THREAD.get().digest(data);
    }
}
