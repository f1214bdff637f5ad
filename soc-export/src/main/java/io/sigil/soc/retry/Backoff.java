package io.sigil.soc.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Exponential backoff with full jitter between a floor and a cap; the randomness is injectable for tests. */
public final class Backoff {

    private final long minNanos;
    private final long maxNanos;
    private final RandomGenerator random;

    public Backoff(Duration min, Duration max) {
        this(min, max, RandomGenerator.getDefault());
    }

    public Backoff(Duration min, Duration max, RandomGenerator random) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, was " + min + " and " + max);
        }
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The delay before retry number {@code attempt} (0 for the first retry): uniform in {@code [min, min(max, min *
     * 2^attempt)]}.
     */
    public Duration delay(int attempt) {
        // Full jitter spreads exporters that failed together, so a recovering receiver is not hit by all at once;
        // the floor keeps a retry loop from spinning.
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0, was " + attempt);
        }
        long ceiling = ceiling(attempt);
        long span = ceiling - minNanos;
        return Duration.ofNanos(span == 0 ? minNanos : minNanos + random.nextLong(span + 1));
    }

    /** The upper bound of {@link #delay(int)} for that attempt. */
    public Duration ceilingFor(int attempt) {
        return Duration.ofNanos(ceiling(attempt));
    }

    private long ceiling(int attempt) {
        // Past 62 doublings the product overflows; by then the cap has long applied.
        if (attempt >= 62 || minNanos > (maxNanos >> attempt)) {
            return maxNanos;
        }
        return Math.min(maxNanos, minNanos << attempt);
    }
}
