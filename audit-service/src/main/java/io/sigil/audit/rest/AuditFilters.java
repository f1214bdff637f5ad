package io.sigil.audit.rest;

import io.sigil.audit.store.AuditQuery;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;

/**
 * The SOC's filters as query parameters, shared by the paged list and the NDJSON export. Turning them into a
 * query throws {@link java.time.format.DateTimeParseException} or {@link NumberFormatException} on bad input.
 */
public class AuditFilters {

    @QueryParam("audit_id")
    String auditId;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("actor")
    String actor;

    @QueryParam("tool")
    String tool;

    @QueryParam("category")
    String category;

    @QueryParam("class_uid")
    String classUid;

    @QueryParam("outcome")
    String outcome;

    AuditQuery query(String cursor, int limit) {
        return new AuditQuery(
                auditId,
                instant(from),
                instant(to),
                actor,
                tool,
                integer(category),
                integer(classUid),
                outcome,
                cursor == null || cursor.isBlank() ? null : Long.valueOf(cursor),
                limit);
    }

    private static Instant instant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }

    private static Integer integer(String text) {
        return text == null || text.isBlank() ? null : Integer.valueOf(text);
    }
}
