package io.sigil.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One security event on the audit topic. It is shaped after OCSF: {@code classUid} names the OCSF class
 * (API Activity 6003, Authentication 3002, Authorize Session 3003, Detection Finding 2004). It never holds
 * a raw secret: arguments and results appear only as digests or vault pointers.
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
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(
        @JsonProperty("audit_id") String auditId,
        Instant time,
        @JsonProperty("class_uid") int classUid,
        String activity,
        String source,
        String actor,
        @JsonProperty("trust_level") TrustLevel trustLevel,
        String outcome,
        Map<String, Object> attributes) {

    public static final int API_ACTIVITY = 6003;
    public static final int AUTHENTICATION = 3002;
    public static final int AUTHORIZE_SESSION = 3003;
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

    public static String newAuditId() {
        return UUID.randomUUID().toString();
    }
}
