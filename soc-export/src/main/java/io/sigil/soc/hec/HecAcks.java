package io.sigil.soc.hec;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * HEC indexer acknowledgement: batches are sent on a channel ({@code X-Splunk-Request-Channel}), and a batch counts
 * as delivered only once {@code /services/collector/ack} reports its ackId indexed; one not acknowledged within
 * {@code timeout} is a retryable failure, so it is sent again (at least once).
 *
 * @param channel the channel, a GUID; ackIds are numbered per channel
 * @param pollInterval the pause before each ack request
 * @param timeout how long after the send an ack may take before the batch is sent again
 * @param maxInFlight how many sent batches may wait for their ack at once
 */
public record HecAcks(String channel, Duration pollInterval, Duration timeout, int maxInFlight) {

    /** Batches in flight unless configured otherwise. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 4;

    public HecAcks {
        Objects.requireNonNull(channel, "channel");
        // HEC accepts only GUIDs as channels; fail at configuration time, not on the first batch.
        channel = UUID.fromString(channel).toString();
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(timeout, "timeout");
        if (pollInterval.isNegative() || pollInterval.isZero() || timeout.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("ack poll interval must be positive and no longer than the timeout");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one batch must be allowed in flight, not " + maxInFlight);
        }
    }

    /** Acks with {@value #DEFAULT_MAX_IN_FLIGHT} batches in flight. */
    public HecAcks(String channel, Duration pollInterval, Duration timeout) {
        this(channel, pollInterval, timeout, DEFAULT_MAX_IN_FLIGHT);
    }

    /** The same acks with another bound on batches in flight. */
    public HecAcks withMaxInFlight(int batches) {
        return new HecAcks(channel, pollInterval, timeout, batches);
    }

    /** Acks on a fresh random channel. */
    public static HecAcks onNewChannel(Duration pollInterval, Duration timeout) {
        return new HecAcks(UUID.randomUUID().toString(), pollInterval, timeout);
    }
}
