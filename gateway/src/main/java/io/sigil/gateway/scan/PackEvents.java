package io.sigil.gateway.scan;

import io.sigil.core.model.AuditEvent;
import io.sigil.gateway.audit.UnawaitedAudit;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records on the audit topic what became of each scanner pack the gateway received: loaded, withdrawn or
 * rejected, by pack id, version, key id and reason, never by content. A lost event is logged, never retried.
 */
public final class PackEvents {

    public static final String LOADED = "scanner/loaded";
    public static final String WITHDRAWN = "scanner/withdrawn";
    public static final String REJECTED = "scanner/rejected";
    private static final String SOURCE = "gateway";

    private final UnawaitedAudit audit;
    private final Clock clock;

    public PackEvents(UnawaitedAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    void record(PackOutcome outcome, String where) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("record", where);
        if (outcome instanceof PackOutcome.Loaded loaded) {
            attributes.put("pack", loaded.id());
            attributes.put("version", loaded.version());
            attributes.put("key_id", loaded.keyId());
            attributes.put("detectors", loaded.detectors());
            attributes.put("replaced_built_in", loaded.replacedBuiltIn());
            publish(AuditEvent.API_ACTIVITY, LOADED, "success", attributes);
        } else if (outcome instanceof PackOutcome.Withdrawn withdrawn) {
            attributes.put("pack", withdrawn.id());
            publish(AuditEvent.API_ACTIVITY, WITHDRAWN, "success", attributes);
        } else if (outcome instanceof PackOutcome.Refused refused) {
            attributes.put("pack", PackNames.safe(refused.id()));
            attributes.put("reason", refused.reason());
            publish(AuditEvent.DETECTION_FINDING, REJECTED, "denied", attributes);
        }
    }

    private void publish(int classUid, String activity, String outcome, Map<String, Object> attributes) {
        AuditEvent event = new AuditEvent(
                AuditEvent.newAuditId(), clock.instant(), classUid, activity, SOURCE, null, null, outcome, attributes);
        audit.send(event);
    }
}
