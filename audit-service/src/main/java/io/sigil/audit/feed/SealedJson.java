package io.sigil.audit.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.audit.store.StoredRecord;
import io.sigil.ledger.LedgerJson;

/**
 * A sealed record as the SOC topic carries it: the chain fields and the canonical event text, exactly what
 * the seal covers, so a SIEM can re-compute the chain. The event is not repeated, parsed: that doubled the
 * feed's cost and the text is JSON already.
 */
public final class SealedJson {

    private SealedJson() {}

    public static ObjectNode of(StoredRecord record) {
        return LedgerJson.toJson(record.sealed());
    }
}
