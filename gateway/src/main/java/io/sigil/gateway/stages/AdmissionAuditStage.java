package io.sigil.gateway.stages;

import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.spi.AuditLogger;
import io.sigil.gateway.audit.KeyedDigest;
import io.sigil.gateway.config.PolicyVersion;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.risk.RiskClass;
import io.sigil.gateway.risk.RiskClassifier;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Records a tool call on the audit topic as it is admitted, before it is forwarded (write-ahead). For the risk
 * classes configured so, the call goes upstream only once the broker has acknowledged that record, so no such
 * action happens unrecorded. For the others the record travels while the upstream works, and the audit stage
 * waits for its acknowledgement instead of the outcome's: the answer still leaves only with a durable record of
 * the call, without a broker round trip after the upstream's.
 */
public final class AdmissionAuditStage implements Stage {

    public static final String NAME = "audit-admission";
    public static final String ACTIVITY = "mcp/call-admitted";

    private final AuditLogger audit;
    private final AuditStage events;
    private final RiskClassifier risks;
    private final Set<RiskClass> writeAhead;
    private final Set<RiskClass> recorded;

    /**
     * @param writeAhead the classes whose calls wait for their admission record before they are forwarded
     * @param awaited the classes whose answers wait for a durable record; with {@code writeAhead}, the only
     *     classes that get an admission record (a read-only call by default gets just its outcome event)
     */
    public AdmissionAuditStage(
            AuditLogger audit, Clock clock, RiskClassifier risks, Set<RiskClass> writeAhead, Set<RiskClass> awaited) {
        this(audit, clock, risks, writeAhead, awaited, PolicyVersion.UNVERSIONED, KeyedDigest.random());
    }

    public AdmissionAuditStage(
            AuditLogger audit,
            Clock clock,
            RiskClassifier risks,
            Set<RiskClass> writeAhead,
            Set<RiskClass> awaited,
            PolicyVersion policy,
            KeyedDigest digests) {
        this.audit = audit;
        this.events = new AuditStage(audit, clock, risks, EnumSet.noneOf(RiskClass.class), policy, digests);
        this.risks = risks;
        this.writeAhead = writeAhead.isEmpty() ? EnumSet.noneOf(RiskClass.class) : EnumSet.copyOf(writeAhead);
        this.recorded = EnumSet.copyOf(this.writeAhead);
        this.recorded.addAll(awaited);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<StageResult> apply(Exchange exchange) {
        if (!"tools/call".equals(exchange.method())) {
            return CompletableFuture.completedFuture(StageResult.CONTINUE);
        }
        RiskClass risk = risks.classify(exchange);
        if (!recorded.contains(risk)) {
            return CompletableFuture.completedFuture(StageResult.CONTINUE);
        }
        AuditEvent outcome = events.eventOf(exchange);
        AuditEvent admitted = new AuditEvent(
                outcome.auditId(),
                outcome.time(),
                outcome.classUid(),
                ACTIVITY,
                outcome.source(),
                outcome.actor(),
                outcome.trustLevel(),
                "success",
                outcome.attributes());
        CompletionStage<Void> acknowledged = audit.log(admitted);
        exchange.admitted(acknowledged);
        if (!writeAhead.contains(risk)) {
            return CompletableFuture.completedFuture(StageResult.CONTINUE);
        }
        return acknowledged
                .<StageResult>thenApply(ignored -> StageResult.CONTINUE)
                .exceptionally(failure -> StageResult.reject(
                        JsonRpcError.AUDIT_UNAVAILABLE,
                        "the audit trail cannot record this call before it runs; refused",
                        503));
    }
}
