package io.sigil.soc;

import java.util.Objects;

/** The outcome of delivering one batch: delivered, or failed with a reason and whether a retry can help. */
public record DeliveryResult(Status status, int events, String reason) {

    /** What happened to the batch as a whole: batches are all-or-nothing. */
    public enum Status {
        DELIVERED,
        RETRYABLE_FAILURE,
        PERMANENT_FAILURE
    }

    public DeliveryResult {
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
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

    public boolean isDelivered() {
        return status == Status.DELIVERED;
    }

    public boolean isRetryable() {
        return status == Status.RETRYABLE_FAILURE;
    }
}
