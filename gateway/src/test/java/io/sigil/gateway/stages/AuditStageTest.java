package io.sigil.gateway.stages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.identity.AgentStatus;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.identity.TrustAssessment;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.model.TrustLevel;
import io.sigil.gateway.pipeline.Credentials;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.StageResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AuditStageTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private Exchange toolCall() {
        ObjectNode request =
                mapper.createObjectNode().put("jsonrpc", "2.0").put("id", 3).put("method", "tools/call");
        request.putObject("params")
                .put("name", "read_email")
                .putObject("arguments")
                .put("password", "hunter2");
        return new Exchange(request, new Credentials("s", "demo-agent-high", null, null), "2025-06-18");
    }

    @Test
    void recordsTheCallWithoutItsArguments() {
        // Given
        List<AuditEvent> published = new ArrayList<>();
        AuditStage stage = new AuditStage(
                event -> {
                    published.add(event);
                    return CompletableFuture.completedFuture(null);
                },
                clock);
        Exchange exchange = toolCall();

        // When
        StageResult result = stage.apply(exchange).toCompletableFuture().join();

        // Then
        assertThat(result).isEqualTo(StageResult.CONTINUE);
        AuditEvent event = published.get(0);
        assertThat(event.auditId()).isEqualTo(exchange.auditId());
        assertThat(event.classUid()).isEqualTo(AuditEvent.API_ACTIVITY);
        assertThat(event.attributes())
                .containsEntry("tool", "read_email")
                .containsEntry("client_id", "demo-agent-high");
        assertThat(event.toString()).doesNotContain("hunter2");
        assertThat(event.time()).isEqualTo(clock.instant());
    }

    @Test
    void recordsThePinnedDigestOfTheCalledTool() {
        // Given a call whose tool the pinning stage checked
        List<AuditEvent> published = new ArrayList<>();
        AuditStage stage = new AuditStage(
                event -> {
                    published.add(event);
                    return CompletableFuture.completedFuture(null);
                },
                clock);
        Exchange exchange = toolCall();
        exchange.toolDigest("sha256:abc");

        // When
        stage.apply(exchange).toCompletableFuture().join();

        // Then
        assertThat(published.get(0).attributes()).containsEntry("tool_digest", "sha256:abc");
    }

    @Test
    void recordsTheAgentAndHowItsTrustWasReached() {
        List<AuditEvent> published = new ArrayList<>();
        AuditStage stage = new AuditStage(
                event -> {
                    published.add(event);
                    return CompletableFuture.completedFuture(null);
                },
                clock);
        Exchange exchange = toolCall();
        exchange.agent(new RegisteredAgent(
                "did:sigil:demo-agent-high",
                "demo-agent-high",
                "team",
                List.of("demo"),
                TrustLevel.HIGH,
                AgentStatus.ACTIVE,
                4,
                clock.instant(),
                clock.instant()));
        exchange.trust(
                new TrustAssessment(TrustLevel.MEDIUM, TrustLevel.HIGH, TrustLevel.MEDIUM, TrustLevel.MEDIUM, 7));

        stage.apply(exchange).toCompletableFuture().join();

        assertThat(published.get(0).attributes())
                .containsEntry("agent_did", "did:sigil:demo-agent-high")
                .containsEntry(
                        "trust",
                        java.util.Map.of(
                                "person", "High", "client", "Medium", "binding", "Medium", "rules_version", 7L));
    }

    @Test
    void refusesTheCallWhenTheAuditTrailCannotRecordIt() {
        AuditStage stage = new AuditStage(
                event -> CompletableFuture.failedFuture(new IllegalStateException("broker away")), clock);

        StageResult result = stage.apply(toolCall()).toCompletableFuture().join();

        assertThat(result).isInstanceOfSatisfying(StageResult.Reject.class, r -> {
            assertThat(r.error()).isEqualTo(JsonRpcError.AUDIT_UNAVAILABLE);
            assertThat(r.httpStatus()).isEqualTo(503);
        });
    }
}
