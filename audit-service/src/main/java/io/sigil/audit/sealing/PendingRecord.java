package io.sigil.audit.sealing;

import io.sigil.ledger.SealedRecord;

/** A record sealed in memory, with its query facts, waiting for its transaction. */
public record PendingRecord(SealedRecord sealed, EventFacts facts) {}
