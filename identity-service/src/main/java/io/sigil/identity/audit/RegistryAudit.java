package io.sigil.identity.audit;

import io.sigil.core.model.AuditEvent;
import io.sigil.runtime.ServiceConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the audit events of registry changes: OCSF Entity Management (3004), one per change, naming the actor
 * and the reason given, never a token.
 */
@Singleton
public class RegistryAudit {

    /** OCSF Entity Management: create, update or delete of a managed entity. */
    public static final int ENTITY_MANAGEMENT = AuditEvent.ENTITY_MANAGEMENT;

    /** The longest reason kept in an event; the API refuses longer ones. */
    public static final int MAX_REASON = 500;

    private final String source;
    private final Clock clock;

    public RegistryAudit(String source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    @Inject
    public RegistryAudit(ServiceConfig service) {
        this(service.name(), Clock.systemUTC());
    }

    /**
     * A successful change.
     *
     * @param activity what changed, e.g. {@code agents/revoke}
     * @param actor who changed it
     * @param reason the reason the actor gave; null when none
     * @param facts what the change was about (DID, versions, statuses); plain strings and numbers
     */
    public AuditEvent changed(String activity, Actor actor, String reason, Map<String, Object> facts) {
        Map<String, Object> attributes = new LinkedHashMap<>(facts);
        if (actor.subject() != null) {
            attributes.put("subject", actor.subject());
        }
        if (actor.clientId() != null) {
            attributes.put("actor_client_id", actor.clientId());
        }
        if (reason != null) {
            attributes.put("reason", reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        }
        return new AuditEvent(
                AuditEvent.newAuditId(),
                clock.instant(),
                ENTITY_MANAGEMENT,
                activity,
                source,
                actor.name(),
                null,
                "success",
                attributes);
    }
}
