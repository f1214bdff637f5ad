package io.sigil.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the chain checks read from a record, the event as the exact UTF-8 bytes that were hashed, so the export
 * reader can hand records over without decoding events into Strings. The event is {@code event[eventOffset,
 * eventOffset + eventLength)}: the reader copies events into a shared block it reuses once a batch is checked.
 */
record ChainEntry(
        String chain,
        long seq,
        long epoch,
        byte[] event,
        int eventOffset,
        int eventLength,
        byte[] eventSha256,
        byte[] prevMac,
        byte[] mac) {

    static ChainEntry of(SealedRecord r) {
        byte[] event = r.event().getBytes(StandardCharsets.UTF_8);
        return new ChainEntry(
                r.chain(), r.seq(), r.epoch(), event, 0, event.length, r.eventSha256(), r.prevMac(), r.mac());
    }

    /** A copy of the event's bytes. */
    byte[] eventBytes() {
        return Arrays.copyOfRange(event, eventOffset, eventOffset + eventLength);
    }
}
