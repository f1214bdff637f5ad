package io.sigil.ledger;

/**
 * Verifies a chain end to end: sequence, MAC chain under the epoch keys, event digests, and the Merkle root against
 * the latest signed checkpoint. An instance may be reused; it is not thread-safe.
 */
public final class ChainVerifier {

    public ChainVerifier() {}

    /** Records in the order the store returns them (by seq). Stops at the first failure. */
    public VerificationReport verify(
            String chain,
            Iterable<SealedRecord> recordsInStoredOrder,
            KeySchedule keys,
            Checkpoint latestCheckpointOrNull,
            byte[] checkpointPublicKeyOrNull) {
        ChainVerification run = start(chain, keys, latestCheckpointOrNull, checkpointPublicKeyOrNull);
        for (SealedRecord r : recordsInStoredOrder) {
            if (!run.accept(r)) {
                break;
            }
        }
        return run.finish();
    }

    /** The same checks, fed one record at a time (for readers that stream several chains at once). */
    public ChainVerification start(
            String chain, KeySchedule keys, Checkpoint latestCheckpointOrNull, byte[] checkpointPublicKeyOrNull) {
        return new ChainVerification(chain, keys, latestCheckpointOrNull, checkpointPublicKeyOrNull);
    }
}
