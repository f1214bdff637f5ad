package io.sigil.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One sealed audit event. The arrays are shared, not copied (the verifier reads millions of these): treat them as
 * immutable.
 *
 * @param offset the Kafka offset the event came from, -1 if none
 * @param event the JCS canonical JSON text of the event
 */
public record SealedRecord(
        String chain,
        long seq,
        long offset,
        long epoch,
        Instant sealedAt,
        String event,
        byte[] eventSha256,
        byte[] prevMac,
        byte[] mac) {

    public SealedRecord {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(sealedAt, "sealedAt");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eventSha256, "eventSha256");
        Objects.requireNonNull(prevMac, "prevMac");
        Objects.requireNonNull(mac, "mac");
    }

    /** Seals {@code canonicalEvent} as record {@code seq} of {@code chain} with the key's current epoch. */
    public static SealedRecord seal(
            EvolvingKey key,
            String chain,
            long seq,
            long offset,
            Instant sealedAt,
            String canonicalEvent,
            byte[] prevMac) {
        return seal(
                key,
                chain,
                seq,
                offset,
                sealedAt,
                canonicalEvent,
                canonicalEvent.getBytes(StandardCharsets.UTF_8),
                prevMac);
    }

    /**
     * The same with the event's UTF-8 bytes already at hand (the sealer has them from {@link JcsWriter}); they must
     * be exactly {@code canonicalEvent} in UTF-8, which is what is hashed.
     */
    public static SealedRecord seal(
            EvolvingKey key,
            String chain,
            long seq,
            long offset,
            Instant sealedAt,
            String canonicalEvent,
            byte[] canonicalUtf8,
            byte[] prevMac) {
        byte[] eventSha256 = ChainMac.sha256(canonicalUtf8);
        byte[] epochKey = key.key();
        try {
            byte[] mac = ChainMac.mac(epochKey, chain, seq, prevMac, eventSha256);
            return new SealedRecord(
                    chain, seq, offset, key.epoch(), sealedAt, canonicalEvent, eventSha256, prevMac.clone(), mac);
        } finally {
            Arrays.fill(epochKey, (byte) 0);
        }
    }

    /** The record's RFC 6962 leaf hash: its MAC is the leaf data. */
    public byte[] leafHash() {
        return Merkle.leafHash(mac);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedRecord r
                && seq == r.seq
                && offset == r.offset
                && epoch == r.epoch
                && chain.equals(r.chain)
                && sealedAt.equals(r.sealedAt)
                && event.equals(r.event)
                && Arrays.equals(eventSha256, r.eventSha256)
                && Arrays.equals(prevMac, r.prevMac)
                && Arrays.equals(mac, r.mac);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(chain, seq, offset, epoch, sealedAt, event);
        h = 31 * h + Arrays.hashCode(eventSha256);
        h = 31 * h + Arrays.hashCode(prevMac);
        return 31 * h + Arrays.hashCode(mac);
    }

    /** Shows digests in hex and only the size of the event: audit payloads do not belong in logs. */
    @Override
    public String toString() {
        return "SealedRecord[chain=" + chain + ", seq=" + seq + ", offset=" + offset + ", epoch=" + epoch
                + ", sealedAt=" + sealedAt + ", event=<" + event.length() + " chars>, eventSha256="
                + Hex.encode(eventSha256) + ", prevMac=" + Hex.encode(prevMac) + ", mac=" + Hex.encode(mac) + "]";
    }
}
