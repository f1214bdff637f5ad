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
 */
public record HecAcks(String channel, Duration pollInterval, Duration timeout) {

    public HecAcks {
        Objects.requireNonNull(channel, "channel");
        // HEC accepts only GUIDs as channels; fail at configuration time, not on the first batch.
        channel = UUID.fromString(channel).toString();
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(timeout, "timeout");
        if (pollInterval.isNegative() || pollInterval.isZero() || timeout.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("ack poll interval must be positive and no longer than the timeout");
        }
    }

    /** Acks on a fresh random channel. */
    public static HecAcks onNewChannel(Duration pollInterval, Duration timeout) {
        return new HecAcks(UUID.randomUUID().toString(), pollInterval, timeout);
    }
}
