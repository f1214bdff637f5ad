package io.sigil.audit.store;

import java.time.Instant;

/**
 * The SOC's filters; a null field does not filter. {@code before} is the pagination cursor: only records
 * stored before that id.
 *
 * @param category an OCSF category uid (class_uid / 1000), e.g. 6 Application Activity, 3 IAM, 2 Findings
 */
public record AuditQuery(
        String auditId,
        Instant from,
        Instant to,
        String actor,
        String tool,
        Integer category,
        Integer classUid,
        String outcome,
        Long before,
        int limit) {

    /** The same selection, from the record before {@code id} on: the next page. */
    public AuditQuery before(long id) {
        return new AuditQuery(auditId, from, to, actor, tool, category, classUid, outcome, id, limit);
    }
}
