package io.sigil.ledger;

import java.nio.charset.StandardCharsets;

/**
 * What the chain checks read from a record, the event as the exact UTF-8 bytes that were hashed, so the export
 * reader can hand records over without decoding events into Strings.
 */
record ChainEntry(String chain, long seq, long epoch, byte[] event, byte[] eventSha256, byte[] prevMac, byte[] mac) {

    static ChainEntry of(SealedRecord r) {
        return new ChainEntry(
                r.chain(),
                r.seq(),
                r.epoch(),
                r.event().getBytes(StandardCharsets.UTF_8),
                r.eventSha256(),
                r.prevMac(),
                r.mac());
    }
}
