package io.sigil.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.sigil.core.model.ocsf.OcsfEventReader;
import io.sigil.core.model.ocsf.OcsfEventWriter;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One security event on the audit topic. On the wire it is an OCSF event ({@link OcsfEventWriter}):
 * {@code classUid} names the OCSF class (API Activity 6003, Authentication 3002, Authorize Session 3003, Entity
 * Management 3004, Detection Finding 2004). It never holds a raw secret: arguments and results appear only as
 * digests or vault pointers.
 *
 * @param auditId unique id, also returned to the client in {@code _sigil.audit_id}
 * @param time when the event happened
 * @param classUid the OCSF class
 * @param activity what happened, e.g. {@code tools/call}
 * @param source the service that emitted the event
 * @param actor the verified caller, or {@code anonymous}
 * @param trustLevel the caller's trust level
 * @param outcome {@code success}, {@code failure} or {@code denied}
 * @param attributes further fields; values are plain strings or numbers, never secrets
 */
@JsonSerialize(using = OcsfEventWriter.class)
@JsonDeserialize(using = OcsfEventReader.class)
public record AuditEvent(
        String auditId,
        Instant time,
        int classUid,
        String activity,
        String source,
        String actor,
        TrustLevel trustLevel,
        String outcome,
        Map<String, Object> attributes) {

    public static final int API_ACTIVITY = 6003;
    public static final int AUTHENTICATION = 3002;
    public static final int AUTHORIZE_SESSION = 3003;
    public static final int ENTITY_MANAGEMENT = 3004;
    public static final int DETECTION_FINDING = 2004;

    public AuditEvent {
        Objects.requireNonNull(auditId, "auditId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(outcome, "outcome");
        actor = actor == null ? "anonymous" : actor;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A time-ordered id (UUID version 7): the audit store indexes events by it, and random ids scatter that index. */
    public static String newAuditId() {
        return TimeOrderedId.next().toString();
    }
}
