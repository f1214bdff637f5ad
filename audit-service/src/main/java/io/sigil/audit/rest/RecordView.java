package io.sigil.audit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigil.audit.store.StoredRecord;
import io.sigil.ledger.Hex;
import java.time.Instant;

/** A stored audit record as the SOC reads it: its facts, its event and its place in the chain. */
public record RecordView(
        long id,
        String chain,
        long seq,
        long kafkaOffset,
        long epoch,
        Instant sealedAt,
        String mac,
        String prevMac,
        boolean wellFormed,
        String auditId,
        Instant eventTime,
        Integer classUid,
        String activity,
        String source,
        String actor,
        String outcome,
        String tool,
        JsonNode event) {

    public static RecordView of(StoredRecord record, JsonNode event) {
        return new RecordView(
                record.id(),
                record.sealed().chain(),
                record.sealed().seq(),
                record.sealed().offset(),
                record.sealed().epoch(),
                record.sealed().sealedAt(),
                Hex.encode(record.sealed().mac()),
                Hex.encode(record.sealed().prevMac()),
                record.facts().wellFormed(),
                record.facts().auditId(),
                record.facts().eventTime(),
                record.facts().classUid(),
                record.facts().activity(),
                record.facts().source(),
                record.facts().actor(),
                record.facts().outcome(),
                record.facts().tool(),
                event);
    }
}
