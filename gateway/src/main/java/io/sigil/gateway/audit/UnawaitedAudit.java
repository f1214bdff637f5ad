package io.sigil.gateway.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.spi.AuditLogger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Sends the audit events nobody waits for: a session opened or refused, a tool pinned or changed, a scanner pack
 * loaded or rejected, the outcome of a call whose risk class does not await its audit. A refusal by the broker (or by
 * a logger that throws at once) cannot fail what already happened, so it is logged with the event's audit id and
 * counted in {@code sigil.audit.unacknowledged}, for an alert to notice a trail with holes.
 */
@ApplicationScoped
public class UnawaitedAudit {

    private static final Logger LOG = Logger.getLogger(UnawaitedAudit.class);

    private final AuditLogger audit;
    private final MeterRegistry registry;

    public UnawaitedAudit(AuditLogger audit, MeterRegistry registry) {
        this.audit = audit;
        this.registry = registry;
    }

    public void send(AuditEvent event) {
        try {
            watch(audit.log(event), event);
        } catch (RuntimeException refused) {
            lost(event, refused);
        }
    }

    /** Counts and logs the event if this acknowledgement, which the answer did not wait for, fails. */
    public void watch(CompletionStage<?> acknowledged, AuditEvent event) {
        acknowledged.whenComplete((ignored, failure) -> {
            if (failure != null) {
                lost(event, failure);
            }
        });
    }

    private void lost(AuditEvent event, Throwable failure) {
        counter(event.activity()).increment();
        LOG.warnf(
                "audit event %s (%s) was not acknowledged: %s",
                event.auditId(), event.activity(), failure.getClass().getSimpleName());
    }

    /** Refusals so far for one activity; for tests and dashboards. */
    public double unacknowledged(String activity) {
        return counter(activity).count();
    }

    private Counter counter(String activity) {
        return Counter.builder("sigil.audit.unacknowledged")
                .description("audit events the broker did not acknowledge, of answers that did not wait for them")
                .tag("activity", activity)
                .register(registry);
    }
}
