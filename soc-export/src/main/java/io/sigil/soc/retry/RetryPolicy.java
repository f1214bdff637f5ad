package io.sigil.soc.retry;

import java.time.Duration;
import java.util.Objects;

/** How long a RetryingExporter keeps trying one batch: at most maxAttempts deliveries, within the deadline. */
public record RetryPolicy(int maxAttempts, Duration deadline) {

    public RetryPolicy {
        Objects.requireNonNull(deadline, "deadline");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (deadline.isNegative()) {
            throw new IllegalArgumentException("deadline must not be negative, was " + deadline);
        }
    }
}
