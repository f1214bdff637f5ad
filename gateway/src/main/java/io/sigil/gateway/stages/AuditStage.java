package io.sigil.gateway.stages;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.model.Interception;
import io.sigil.core.spi.AuditLogger;
import io.sigil.gateway.audit.KeyedDigest;
import io.sigil.gateway.audit.UnawaitedAudit;
import io.sigil.gateway.config.PolicyVersion;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.risk.RiskClass;
import io.sigil.gateway.risk.RiskClassifier;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Records the exchange on the audit topic. An answer that carries an interception is withheld until the broker
 * has acknowledged this event; an answer to a call of a risk class that needs audit (by default every class but
 * read-only) until it has acknowledged this event or, when the call was recorded at admission, that record.
 * Either is refused if it cannot be made durable (audit dominance). Other events are delivered by the
 * producer, idempotent and with {@code acks=all}, while the answer leaves; a failure is logged and counted.
 * It runs after refusals too, so that they are recorded.
 */
public final class AuditStage implements Stage {

    public static final String NAME = "audit";
    /** The finding of a call whose arguments, answer or notices had secrets replaced. */
    public static final String INTERCEPTION = "mcp/interception";
    /** The finding of a call a stage refused for policy or identity. */
    public static final String DENIAL = "mcp/denial";

    static final String SOURCE = "gateway";

    private final AuditLogger audit;
    private final Clock clock;
    private final RiskClassifier risks;
    private final Set<RiskClass> awaited;
    private final PolicyVersion policy;
    private final KeyedDigest digests;
    private final UnawaitedAudit unawaited;

    /** A stage that awaits the acknowledgement of every event, whatever its risk class. */
    public AuditStage(AuditLogger audit, Clock clock) {
        this(audit, clock, new RiskClassifier(Map.of()), EnumSet.allOf(RiskClass.class));
    }

    public AuditStage(AuditLogger audit, Clock clock, RiskClassifier risks, Set<RiskClass> awaited) {
        this(audit, clock, risks, awaited, PolicyVersion.UNVERSIONED, KeyedDigest.random());
    }

    public AuditStage(
            AuditLogger audit,
            Clock clock,
            RiskClassifier risks,
            Set<RiskClass> awaited,
            PolicyVersion policy,
            KeyedDigest digests) {
        this(audit, clock, risks, awaited, policy, digests, new UnawaitedAudit(audit, new SimpleMeterRegistry()));
    }

    /** @param unawaited counts and logs the events of answers that did not wait, should the broker lose them */
    public AuditStage(
            AuditLogger audit,
            Clock clock,
            RiskClassifier risks,
            Set<RiskClass> awaited,
            PolicyVersion policy,
            KeyedDigest digests,
            UnawaitedAudit unawaited) {
        this.audit = audit;
        this.unawaited = unawaited;
        this.digests = digests;
        this.clock = clock;
        this.risks = risks;
        this.awaited = awaited.isEmpty() ? EnumSet.noneOf(RiskClass.class) : EnumSet.copyOf(awaited);
        this.policy = policy;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean runsAfterTermination() {
        return true;
    }

    @Override
    public CompletionStage<StageResult> apply(Exchange exchange) {
        RiskClass risk = risks.classify(exchange);
        AuditEvent event = eventOf(exchange, risk);
        CompletionStage<Void> acknowledged = withFinding(audit.log(event), event, exchange);
        if (!exchange.interceptions().isEmpty()) {
            return awaiting(acknowledged);
        }
        if (!awaited.contains(risk)) {
            unawaited.watch(acknowledged, event);
            return CompletableFuture.completedFuture(StageResult.CONTINUE);
        }
        if (exchange.admitted() != null) {
            // The admission record, written while the upstream worked, makes the call durable: the answer waits
            // for it, and the outcome follows on the same idempotent producer (a loss is counted and logged).
            unawaited.watch(acknowledged, event);
            return awaiting(exchange.admitted());
        }
        return awaiting(acknowledged);
    }

    /**
     * An interception or a denial is also a Detection Finding, under the call's audit id: what a SOC alerts on
     * without reading every API Activity. Whoever waits for the call's event waits for its finding too.
     */
    private CompletionStage<Void> withFinding(CompletionStage<Void> acknowledged, AuditEvent event, Exchange exchange) {
        if (exchange.interceptions().isEmpty() && !"denied".equals(event.outcome())) {
            return acknowledged;
        }
        AuditEvent finding = new AuditEvent(
                event.auditId(),
                event.time(),
                AuditEvent.DETECTION_FINDING,
                "denied".equals(event.outcome()) ? DENIAL : INTERCEPTION,
                event.source(),
                event.actor(),
                event.trustLevel(),
                event.outcome(),
                event.attributes());
        return CompletableFuture.allOf(
                acknowledged.toCompletableFuture(), audit.log(finding).toCompletableFuture());
    }

    private static CompletionStage<StageResult> awaiting(CompletionStage<Void> acknowledged) {
        return acknowledged
                .<StageResult>thenApply(ignored -> StageResult.CONTINUE)
                .exceptionally(failure -> StageResult.reject(
                        JsonRpcError.AUDIT_UNAVAILABLE, "the audit trail cannot record this call; refused", 503));
    }

    AuditEvent eventOf(Exchange exchange) {
        return eventOf(exchange, risks.classify(exchange));
    }

    private AuditEvent eventOf(Exchange exchange, RiskClass risk) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("method", exchange.method());
        attributes.put("risk_class", risk.wireName());
        putIfPresent(attributes, "tool", exchange.toolName());
        putIfPresent(attributes, "upstream", exchange.upstream());
        // Which version of the tool's definition was called: lets a SOC tie a call to the pin it passed.
        putIfPresent(attributes, "tool_digest", exchange.toolDigest());
        putIfPresent(attributes, "client_id", exchange.credentials().clientId());
        if (exchange.agent() != null) {
            attributes.put("agent_did", exchange.agent().did());
        }
        if (exchange.credentials().actor() != null) {
            attributes.put("actor_client_id", exchange.credentials().actor().clientId());
        }
        if (exchange.trust() != null) {
            // Which axis held the level down, and under which rules: what a SOC needs to explain a refusal.
            attributes.put(
                    "trust",
                    Map.of(
                            "person", exchange.trust().human().wireName(),
                            "client", exchange.trust().client().wireName(),
                            "binding", exchange.trust().binding().wireName(),
                            "rules_version", exchange.trust().rulesVersion()));
        }
        // Which rule decided, under which version of the rules: the refusing stage, or the risk class that let
        // the call through.
        attributes.put(
                "policy_rule",
                exchange.rejection() == null
                        ? "risk/" + risk.wireName()
                        : exchange.rejectedBy() + "/"
                                + exchange.rejection().error().name().toLowerCase(Locale.ROOT));
        attributes.put("policy_version", policy.value());
        // What crossed the gateway, as keyed digests: the arguments the upstream got, the result the caller got.
        JsonNode arguments = exchange.request().path("params").path("arguments");
        if (arguments.isObject()) {
            exchange.argumentsDigest(arguments, digests::of)
                    .ifPresent(digest -> attributes.put("arguments_digest", digest));
        }
        JsonNode result =
                exchange.response() == null ? null : exchange.response().get("result");
        if (result != null) {
            digests.of(result).ifPresent(digest -> attributes.put("result_digest", digest));
        }
        if (exchange.rejection() != null) {
            attributes.put("error_code", exchange.rejection().error().code());
            attributes.put("reason", exchange.rejection().detail());
        } else if (exchange.response() != null && exchange.response().has("error")) {
            attributes.put(
                    "error_code", exchange.response().path("error").path("code").asInt());
        }
        attributes.put("interceptions", exchange.interceptions().size());
        List<String> withheld = exchange.withheld();
        if (!withheld.isEmpty()) {
            // Progress the caller never saw, and why: the notifications themselves are not kept.
            attributes.put("notifications_withheld", withheld);
        }
        if (!exchange.interceptions().isEmpty()) {
            // What was replaced and where, for the SOC: categories and JSON pointers, never values.
            attributes.put(
                    "intercepted",
                    exchange.interceptions().stream()
                            .map(AuditStage::intercepted)
                            .toList());
        }
        return new AuditEvent(
                exchange.auditId(),
                clock.instant(),
                AuditEvent.API_ACTIVITY,
                exchange.method(),
                SOURCE,
                exchange.caller() == null ? null : exchange.caller().displayName(),
                exchange.caller() == null ? null : exchange.caller().trustLevel(),
                exchange.outcome(),
                attributes);
    }

    /** One replacement as the SOC sees it: category, place, direction and the vault entry that holds the value. */
    private static Map<String, Object> intercepted(Interception interception) {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("category", interception.category());
        putIfPresent(seen, "path", interception.path());
        putIfPresent(seen, "direction", interception.direction());
        putIfPresent(seen, "vault_id", interception.vaultId());
        return seen;
    }

    private static void putIfPresent(Map<String, Object> attributes, String key, Object value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
