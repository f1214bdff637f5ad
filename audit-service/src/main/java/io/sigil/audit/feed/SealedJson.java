package io.sigil.audit.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.audit.store.StoredRecord;
import io.sigil.ledger.LedgerJson;
import java.io.IOException;

/**
 * A sealed record as the SOC receives it: the chain fields and the canonical event text (what the seal
 * covers, so a SIEM can re-compute the chain), plus the event parsed, for reading.
 */
public final class SealedJson {

    private SealedJson() {}

    public static ObjectNode of(ObjectMapper mapper, StoredRecord record) {
        ObjectNode json = LedgerJson.toJson(record.sealed());
        try {
            json.set("ocsf", mapper.readTree(record.sealed().event()));
        } catch (IOException impossible) {
            // The canonical text was written by JCS; it parses.
            json.putNull("ocsf");
        }
        return json;
    }
}
