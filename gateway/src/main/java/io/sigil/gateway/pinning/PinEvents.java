package io.sigil.gateway.pinning;

import io.sigil.core.model.AuditEvent;
import io.sigil.gateway.audit.UnawaitedAudit;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records what happens to pins on the audit topic: a tool pinned, changed, suspected of injection, approved.
 * Events carry names and digests, never the definitions. They are sent after the store recorded the change;
 * a lost event is logged (the pin row holds the same facts), never turned into a refusal.
 */
public final class PinEvents {

    public static final String PINNED = "tool/pinned";
    public static final String CHANGED = "tool/changed";
    public static final String INJECTION_SUSPECTED = "tool/injection-suspected";
    public static final String APPROVED = "tool/approved";
    private static final String SOURCE = "gateway";

    private final UnawaitedAudit audit;
    private final Clock clock;

    public PinEvents(UnawaitedAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    void recorded(ToolPin pin, PinDecision decision) {
        if (pin.changeOf() == null) {
            publish(AuditEvent.API_ACTIVITY, PINNED, null, "success", base(pin));
        } else {
            Map<String, Object> attributes = base(pin);
            attributes.put("old_digest", pin.changeOf());
            attributes.put("new_digest", pin.digest());
            attributes.put("hidden", !decision.usable());
            publish(AuditEvent.DETECTION_FINDING, CHANGED, null, decision.usable() ? "success" : "denied", attributes);
        }
        if (!pin.markers().isEmpty()) {
            Map<String, Object> attributes = base(pin);
            attributes.put("markers", pin.markers());
            attributes.put("hidden", !decision.usable());
            publish(
                    AuditEvent.DETECTION_FINDING,
                    INJECTION_SUSPECTED,
                    null,
                    decision.usable() ? "success" : "denied",
                    attributes);
        }
    }

    void approved(ToolPin pin, String by) {
        publish(AuditEvent.API_ACTIVITY, APPROVED, by, "success", base(pin));
    }

    private static Map<String, Object> base(ToolPin pin) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("upstream", pin.upstream());
        attributes.put("tool", pin.tool());
        attributes.put("tool_digest", pin.digest());
        attributes.put("status", pin.status());
        return attributes;
    }

    private void publish(int classUid, String activity, String actor, String outcome, Map<String, Object> attributes) {
        AuditEvent event = new AuditEvent(
                AuditEvent.newAuditId(), clock.instant(), classUid, activity, SOURCE, actor, null, outcome, attributes);
        audit.send(event);
    }
}
