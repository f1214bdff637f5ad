package io.sigil.gateway.stages;

import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.spi.AuditLogger;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Records the exchange on the audit topic and waits for the broker's acknowledgement. If the event cannot
 * be made durable, the answer is withheld and the call refused: no answer leaves without its audit record.
 * It runs after refusals too, so that they are recorded.
 */
public final class AuditStage implements Stage {

    public static final String NAME = "audit";
    static final String SOURCE = "gateway";

    private final AuditLogger audit;
    private final Clock clock;

    public AuditStage(AuditLogger audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
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
        return audit.log(eventOf(exchange))
                .<StageResult>thenApply(acknowledged -> StageResult.CONTINUE)
                .exceptionally(failure -> StageResult.reject(
                        JsonRpcError.AUDIT_UNAVAILABLE, "the audit trail cannot record this call; refused", 503));
    }

    AuditEvent eventOf(Exchange exchange) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("method", exchange.method());
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
        if (exchange.rejection() != null) {
            attributes.put("error_code", exchange.rejection().error().code());
            attributes.put("reason", exchange.rejection().detail());
        } else if (exchange.response() != null && exchange.response().has("error")) {
            attributes.put(
                    "error_code", exchange.response().path("error").path("code").asInt());
        }
        attributes.put("interceptions", exchange.interceptions().size());
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

    private static void putIfPresent(Map<String, Object> attributes, String key, Object value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
