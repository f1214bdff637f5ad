package io.sigil.ledger;

/**
 * The outcome of verifying one chain.
 *
 * @param recordsChecked records that passed every check before the first failure (all of them when ok)
 * @param firstBadSeq null when ok; otherwise the first sequence number that cannot be vouched for
 * @param failure null when ok
 * @param macsVerified whether each record's MAC was recomputed under its epoch key; false when the verifier ran
 *     without the root key (sequence, links, digests and signed checkpoints are still checked)
 */
public record VerificationReport(
        String chain,
        boolean ok,
        long recordsChecked,
        Long firstBadSeq,
        Failure failure,
        String detail,
        boolean macsVerified) {

    /** Why a chain failed verification. */
    public enum Failure {
        SEQUENCE_GAP,
        SEQUENCE_REPEATED_OR_REORDERED,
        PREV_MAC_MISMATCH,
        EVENT_DIGEST_MISMATCH,
        MAC_MISMATCH,
        EPOCH_REGRESSION,
        WRONG_CHAIN,
        TRUNCATED,
        CHECKPOINT_ROOT_MISMATCH,
        CHECKPOINT_SIGNATURE_INVALID
    }

    public static VerificationReport passed(String chain, long recordsChecked, String detail, boolean macsVerified) {
        return new VerificationReport(chain, true, recordsChecked, null, null, detail, macsVerified);
    }

    public static VerificationReport failed(
            String chain, long recordsChecked, long firstBadSeq, Failure failure, String detail, boolean macsVerified) {
        return new VerificationReport(chain, false, recordsChecked, firstBadSeq, failure, detail, macsVerified);
    }
}
