package io.sigil.audit.sealing;

import io.sigil.ledger.SealedRecord;
import java.nio.charset.StandardCharsets;

/**
 * A record sealed in memory, with its query facts, waiting for its transaction; {@code eventUtf8} is its event in
 * UTF-8, kept from canonicalisation so that the COPY does not encode it again.
 */
public record PendingRecord(SealedRecord sealed, EventFacts facts, byte[] eventUtf8) {

    public PendingRecord(SealedRecord sealed, EventFacts facts) {
        this(sealed, facts, sealed.event().getBytes(StandardCharsets.UTF_8));
    }
}
