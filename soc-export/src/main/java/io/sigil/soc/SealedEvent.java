package io.sigil.soc;

import java.time.Instant;
import java.util.Objects;

/** One audit event as sealed into its HMAC chain: the unit every exporter delivers. */
public record SealedEvent(
        String chain, long seq, long epoch, String mac, String prevMac, Instant sealedAt, String eventJson) {

    public SealedEvent {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(sealedAt, "sealedAt");
        // The first event of a chain has no predecessor; an empty value keeps every formatter null-free.
        prevMac = prevMac == null ? "" : prevMac;
        eventJson = eventJson == null ? "" : eventJson;
    }
}
