package io.sigil.audit.store;

import io.sigil.audit.sealing.EventFacts;
import io.sigil.ledger.SealedRecord;

/** A record as the store holds it: the seal, its query facts and its insertion id (the pagination key). */
public record StoredRecord(long id, SealedRecord sealed, EventFacts facts) {}
