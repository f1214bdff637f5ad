package io.sigil.gateway.stages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.identity.AgentStatus;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.model.TrustLevel;
import io.sigil.gateway.pipeline.Credentials;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.testing.Upstreams;
import io.sigil.gateway.upstream.UpstreamClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardStageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Nothing listens on port 9: a call that gets that far fails as unavailable, never as forbidden.
    private final ForwardStage stage = new ForwardStage(Upstreams.single(new UpstreamClient(
            "demo",
            URI.create("http://127.0.0.1:9/mcp"),
            Duration.ofSeconds(2),
            1 << 20,
            HttpClient.newHttpClient(),
            JSON)));

    @Test
    void anAgentIsRefusedAnUpstreamTheRegistryDoesNotAllowIt() {
        StageResult result = run(agentAllowedTo("billing"));

        assertThat(result).isInstanceOf(StageResult.Reject.class);
        StageResult.Reject refused = (StageResult.Reject) result;
        assertThat(refused.error()).isEqualTo(JsonRpcError.FORBIDDEN);
        assertThat(refused.httpStatus()).isEqualTo(403);
        assertThat(refused.detail()).isEqualTo("agent did:sigil:a may not reach upstream demo");
    }

    @Test
    void anAllowedUpstreamIsContacted() {
        StageResult result = run(agentAllowedTo("demo"));

        assertThat(result).isInstanceOf(StageResult.Reject.class);
        assertThat(((StageResult.Reject) result).error()).isEqualTo(JsonRpcError.UPSTREAM_UNAVAILABLE);
    }

    @Test
    void membersAnUpstreamAddsBesideTheAnswerAreDropped() throws Exception {
        ObjectNode answer = (ObjectNode)
                JSON.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[]},\"x\":\"never scanned\"}");
        ForwardStage forwarding = new ForwardStage(io.sigil.gateway.testing.Upstreams.single(
                "demo", request -> java.util.concurrent.CompletableFuture.completedFuture(answer)));
        ObjectNode request =
                JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/list");
        Exchange exchange = new Exchange(request, new Credentials("s", "a", Set.of(), Map.of()), "2025-11-25");

        StageResult result = forwarding.apply(exchange).toCompletableFuture().join();

        assertThat(result).isInstanceOfSatisfying(StageResult.Respond.class, respond -> {
            assertThat(respond.message().has("x")).isFalse();
            assertThat(respond.message().path("result").has("tools")).isTrue();
        });
    }

    private StageResult run(RegisteredAgent agent) {
        ObjectNode request =
                JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/list");
        Exchange exchange = new Exchange(request, new Credentials("s", "a", Set.of(), Map.of()), "2025-11-25");
        exchange.agent(agent);
        return stage.apply(exchange).toCompletableFuture().join();
    }

    private static RegisteredAgent agentAllowedTo(String upstream) {
        return new RegisteredAgent(
                "did:sigil:a",
                "a",
                "team",
                List.of(upstream),
                TrustLevel.HIGH,
                AgentStatus.ACTIVE,
                1,
                Instant.EPOCH,
                Instant.EPOCH);
    }
}
