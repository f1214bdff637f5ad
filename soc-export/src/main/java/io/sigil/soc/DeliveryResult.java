package io.sigil.soc;

import java.util.Objects;

/**
 * The outcome of delivering one batch: delivered, or failed with a reason and whether a retry can help. A failure's
 * {@code events} counts the leading events of the batch that were nevertheless confirmed delivered (an exporter that
 * sends a batch in several requests); the caller offers the rest again.
 */
public record DeliveryResult(Status status, int events, String reason) {

    /** What happened to the batch as a whole; only a failure's leading {@code events} are delivered. */
    public enum Status {
        DELIVERED,
        RETRYABLE_FAILURE,
        PERMANENT_FAILURE
    }

    public DeliveryResult {
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        if (events < 0) {
            throw new IllegalArgumentException("negative event count " + events);
        }
    }

    public static DeliveryResult delivered(int events) {
        return new DeliveryResult(Status.DELIVERED, events, "");
    }

    public static DeliveryResult retryable(String reason) {
        return new DeliveryResult(Status.RETRYABLE_FAILURE, 0, reason);
    }

    public static DeliveryResult permanent(String reason) {
        return new DeliveryResult(Status.PERMANENT_FAILURE, 0, reason);
    }

    /** The same failure after the first {@code confirmed} events of the batch were delivered. */
    public DeliveryResult after(int confirmed) {
        return new DeliveryResult(status, isDelivered() ? events : confirmed, reason);
    }

    public boolean isDelivered() {
        return status == Status.DELIVERED;
    }

    public boolean isRetryable() {
        return status == Status.RETRYABLE_FAILURE;
    }
}
