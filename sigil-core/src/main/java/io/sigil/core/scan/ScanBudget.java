package io.sigil.core.scan;

/**
 * What one scan may spend on pattern work, counted deterministically: every RE2J invocation costs
 * {@link #PER_TRY} units and every char of the region it is given costs the detector's weight (1 plus one
 * per {@link #INSTRUCTIONS_PER_WEIGHT} estimated NFA instructions, {@link PatternCost}), an upper bound on
 * the steps RE2J can take there. A scan may spend {@link #BASE} units plus {@link #PER_CHAR} per input
 * char; keyword gating keeps ordinary text far below that. Input dense in many detectors' keywords reaches
 * it, and the scan then stops and reports itself truncated (the caller fails closed). The count depends on
 * the input and the detectors only, never on the clock or the machine's load, so the same input always
 * gets the same answer. One per scan, never shared.
 */
final class ScanBudget {

    /** Units any input may use, whatever its length: small texts are never cut short by the per-char part. */
    static final long BASE = 1024L * 1024;

    /** Units per input char on top of {@link #BASE}: about three times what mixed code, logs and prose use. */
    static final long PER_CHAR = 64;

    /** Units one RE2J invocation costs before any char: its set-up is worth about this many chars. */
    static final long PER_TRY = 128;

    /** Estimated NFA instructions that add one unit to a detector's cost per char. */
    static final long INSTRUCTIONS_PER_WEIGHT = 64;

    private final long limit;
    private long spent;
    private boolean exhausted;

    private ScanBudget(long limit) {
        this.limit = limit;
    }

    static ScanBudget forLength(int length) {
        return new ScanBudget(limit(length));
    }

    /** The units a scan of {@code length} chars may spend. */
    static long limit(int length) {
        return BASE + PER_CHAR * length;
    }

    /** What one char costs a detector whose pattern has this many estimated instructions. */
    static long weightOf(long instructions) {
        return 1 + instructions / INSTRUCTIONS_PER_WEIGHT;
    }

    /** Takes {@code units}; false (and exhausted from now on) if that would pass the limit. */
    boolean spend(long units) {
        if (exhausted || spent + units > limit) {
            exhausted = true;
            return false;
        }
        spent += units;
        return true;
    }

    /** Marks the scan truncated: some other bounded step (base64 decoding) had to stop early. */
    void exhaust() {
        exhausted = true;
    }

    boolean exhausted() {
        return exhausted;
    }

    long spent() {
        return spent;
    }
}
