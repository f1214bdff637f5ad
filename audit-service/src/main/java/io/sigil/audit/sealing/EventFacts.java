package io.sigil.audit.sealing;

import java.time.Instant;

/** The fields of an audit event that the SOC filters on; the seal covers the whole event, not these. */
public record EventFacts(
        boolean wellFormed,
        String auditId,
        Instant eventTime,
        Integer classUid,
        String activity,
        String source,
        String actor,
        String outcome,
        String tool) {

    public static EventFacts malformed(String source) {
        return new EventFacts(false, null, null, null, null, source, null, null, null);
    }
}
