package io.sigil.core.model.ocsf;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the SIGIL fields of an audit event's JSON, whether it is an OCSF event (the fields under
 * {@code unmapped}) or an event written before the mesh wrote OCSF (the same fields at the top), so readers
 * of a trail that spans both need not care.
 */
public final class OcsfFields {

    public static final String AUDIT_ID = "audit_id";
    public static final String ACTIVITY = "activity";
    public static final String SOURCE = "source";
    public static final String ACTOR = "actor";
    public static final String TRUST_LEVEL = "trust_level";
    public static final String OUTCOME = "outcome";
    public static final String ATTRIBUTES = "attributes";

    private OcsfFields() {}

    /** True for an OCSF event of the mesh: its SIGIL fields sit under {@code unmapped}. */
    public static boolean isOcsf(JsonNode event) {
        JsonNode unmapped = event.get("unmapped");
        return unmapped != null && unmapped.isObject() && unmapped.has(AUDIT_ID);
    }

    /** A SIGIL field ({@link #AUDIT_ID}, {@link #ACTOR}, …); null when absent. */
    public static JsonNode sigil(JsonNode event, String field) {
        JsonNode holder = isOcsf(event) ? event.get("unmapped") : event;
        return holder.get(field);
    }

    /** One of the event's attributes ({@code tool}, {@code reason}, …); null when absent. */
    public static JsonNode attribute(JsonNode event, String name) {
        JsonNode attributes = sigil(event, ATTRIBUTES);
        return attributes == null || !attributes.isObject() ? null : attributes.get(name);
    }

    /**
     * The event's time: an ISO-8601 text ({@code time_dt}) for an OCSF event, else whatever the old event held
     * under {@code time} (an ISO-8601 text or epoch seconds).
     */
    public static JsonNode time(JsonNode event) {
        if (isOcsf(event)) {
            JsonNode text = event.get("time_dt");
            return text != null && text.isTextual() ? text : null;
        }
        return event.get("time");
    }
}
