package io.sigil.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpc;
import io.sigil.core.mcp.JsonRpcError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PipelineTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final List<String> ran = new ArrayList<>();

    static Exchange exchange() {
        ObjectNode request =
                MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/call");
        return new Exchange(request, new Credentials("sub", "client", null, null), "2025-06-18");
    }

    private Stage stage(String name, boolean always, Function<Exchange, StageResult> body) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean runsAfterTermination() {
                return always;
            }

            @Override
            public CompletionStage<StageResult> apply(Exchange exchange) {
                ran.add(name);
                return CompletableFuture.completedFuture(body.apply(exchange));
            }
        };
    }

    @Test
    void runsStagesInOrderUntilOneAnswers() {
        // Given
        ObjectNode answer = JsonRpc.result(MAPPER.getNodeFactory().numberNode(1), MAPPER.createObjectNode());
        Pipeline pipeline = new Pipeline(List.of(
                stage("a", false, e -> StageResult.CONTINUE),
                stage("b", false, e -> StageResult.respond(answer)),
                stage("c", false, e -> StageResult.CONTINUE)));

        // When
        Exchange done = pipeline.run(exchange()).toCompletableFuture().join();

        // Then
        assertThat(ran).containsExactly("a", "b");
        assertThat(done.response()).isSameAs(answer);
        assertThat(done.rejection()).isNull();
    }

    @Test
    void stillRunsAuditLikeStagesAfterARefusal() {
        Pipeline pipeline = new Pipeline(List.of(
                stage("policy", false, e -> StageResult.reject(JsonRpcError.FORBIDDEN, "no", 403)),
                stage("forward", false, e -> StageResult.CONTINUE),
                stage("audit", true, e -> StageResult.CONTINUE)));

        Exchange done = pipeline.run(exchange()).toCompletableFuture().join();

        assertThat(ran).containsExactly("policy", "audit");
        assertThat(done.rejection().error()).isEqualTo(JsonRpcError.FORBIDDEN);
        assertThat(done.outcome()).isEqualTo("denied");
    }

    @Test
    void aLateRefusalWithholdsAnAnswerAlreadyObtained() {
        ObjectNode answer = JsonRpc.result(null, MAPPER.createObjectNode().put("secret", "x"));
        Pipeline pipeline = new Pipeline(List.of(
                stage("forward", false, e -> StageResult.respond(answer)),
                stage("audit", true, e -> StageResult.reject(JsonRpcError.AUDIT_UNAVAILABLE, "down", 503))));

        Exchange done = pipeline.run(exchange()).toCompletableFuture().join();

        assertThat(done.response()).isNull();
        assertThat(done.rejection().error()).isEqualTo(JsonRpcError.AUDIT_UNAVAILABLE);
    }

    @Test
    void aStageThatThrowsBecomesARefusalNotACrash() {
        Pipeline pipeline = new Pipeline(List.of(
                stage("broken", false, e -> {
                    throw new IllegalStateException("bug");
                }),
                stage("audit", true, e -> StageResult.CONTINUE)));

        Exchange done = pipeline.run(exchange()).toCompletableFuture().join();

        assertThat(done.rejection().error()).isEqualTo(JsonRpcError.INTERNAL_ERROR);
        assertThat(done.rejection().httpStatus()).isEqualTo(500);
        assertThat(ran).containsExactly("broken", "audit");
    }

    @Test
    void startUpFailsOnAnUnknownStageNamingTheKnownOnes() {
        StageFactory audit = new StageFactory() {
            @Override
            public String name() {
                return "audit";
            }

            @Override
            public Stage create() {
                return stage("audit", true, e -> StageResult.CONTINUE);
            }
        };
        PipelineFactory factory = new PipelineFactory(List.of(audit));

        assertThatThrownBy(() -> factory.build(List.of("audit", "teleport")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("teleport")
                .hasMessageContaining("known stages: audit");
        assertThat(factory.build(List.of("audit", "audit")).stageNames()).containsExactly("audit", "audit");
        assertThatThrownBy(() -> factory.build(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
