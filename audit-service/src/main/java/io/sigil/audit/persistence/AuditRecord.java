package io.sigil.audit.persistence;

import java.time.Instant;

/**
 * An audit event as stored, with its place in the topic. A malformed event is kept too, flagged, so that
 * nothing written to the audit topic is ever lost.
 */
public record AuditRecord(
        long id,
        int partition,
        long offset,
        String auditId,
        String source,
        Integer classUid,
        String activity,
        String actor,
        String outcome,
        Instant eventTime,
        String event,
        boolean wellFormed,
        Instant storedAt) {}
