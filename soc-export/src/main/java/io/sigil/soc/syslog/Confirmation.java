package io.sigil.soc.syslog;

/** When a syslog batch counts as delivered: TCP syslog has no application-level acknowledgement to wait for. */
public enum Confirmation {
    /**
     * Connection per batch: after the last frame the sender half-closes and waits for the receiver to close too. A
     * receiver closes only after reading to the end of the stream, so every byte reached its queue; a receiver that
     * dies with unread data resets the connection instead, and the batch is reported failed.
     */
    PEER_CLOSE,
    /**
     * One long-lived connection: delivered once the bytes are flushed to the kernel without error. Bytes in flight
     * when the receiver dies are lost although reported delivered; callers who use this mode must resend the
     * batches before a reconnect to keep at-least-once delivery.
     */
    FLUSH
}
