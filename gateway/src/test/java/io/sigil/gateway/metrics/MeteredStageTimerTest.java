package io.sigil.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.gateway.pipeline.Credentials;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Pipeline;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MeteredStageTimerTest {

    @Test
    void eachStageIsTimedUnderItsNameAndOutcomeUntilItsResultCompletes() {
        // Given
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CompletableFuture<StageResult> slow = new CompletableFuture<>();
        Pipeline pipeline = new Pipeline(
                List.of(stage("quick", CompletableFuture.completedFuture(StageResult.CONTINUE)), stage("slow", slow)),
                new MeteredStageTimer(registry));

        // When
        CompletionStage<?> done = pipeline.run(exchange());
        sleep(30);
        slow.complete(StageResult.reject(JsonRpcError.INVALID_PARAMS, "no", 400));
        done.toCompletableFuture().join();

        // Then
        Timer quick = registry.get(MeteredStageTimer.NAME)
                .tags("stage", "quick", "outcome", "continue")
                .timer();
        Timer slowTimer = registry.get(MeteredStageTimer.NAME)
                .tags("stage", "slow", "outcome", "reject")
                .timer();
        assertThat(quick.count()).isEqualTo(1);
        assertThat(slowTimer.count()).isEqualTo(1);
        assertThat(slowTimer.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(30);
        assertThat(quick.totalTime(TimeUnit.MILLISECONDS)).isLessThan(slowTimer.totalTime(TimeUnit.MILLISECONDS));
    }

    private static Exchange exchange() {
        ObjectNode request = new ObjectMapper()
                .createObjectNode()
                .put("jsonrpc", "2.0")
                .put("id", 1)
                .put("method", "tools/call");
        return new Exchange(request, new Credentials("sub", "client", null, null), "2025-06-18");
    }

    private static Stage stage(String name, CompletionStage<StageResult> result) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CompletionStage<StageResult> apply(Exchange exchange) {
                return result;
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
