package io.sigil.gateway.pipeline;

import io.sigil.core.mcp.JsonRpcError;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * The ordered chain of stages, built once at start-up. It runs the stages in order until one answers or
 * refuses, then runs the stages that must see every outcome (audit). A stage that throws or fails is a
 * refusal: the gateway fails closed.
 */
public final class Pipeline {

    private static final Logger LOG = Logger.getLogger(Pipeline.class);

    private final List<Stage> stages;
    private final StageTimer timer;

    public Pipeline(List<Stage> stages) {
        this(stages, StageTimer.NONE);
    }

    public Pipeline(List<Stage> stages, StageTimer timer) {
        this.stages = List.copyOf(stages);
        this.timer = timer;
    }

    public List<String> stageNames() {
        return stages.stream().map(Stage::name).toList();
    }

    /** Runs the chain; the returned stage completes with the exchange once every stage that must run has run. */
    public CompletionStage<Exchange> run(Exchange exchange) {
        return runFrom(0, exchange, false);
    }

    private CompletionStage<Exchange> runFrom(int index, Exchange exchange, boolean terminated) {
        if (index == stages.size()) {
            return CompletableFuture.completedFuture(exchange);
        }
        Stage stage = stages.get(index);
        if (terminated && !stage.runsAfterTermination()) {
            return runFrom(index + 1, exchange, true);
        }
        return invoke(stage, exchange).thenCompose(result -> {
            boolean stop = terminated;
            if (result instanceof StageResult.Respond respond) {
                exchange.response(respond.message());
                stop = true;
            } else if (result instanceof StageResult.Reject reject) {
                // A refusal wins over an answer already obtained: that answer must not leave the gateway.
                exchange.response(null);
                exchange.rejection(reject, stage.name());
                stop = true;
            }
            return runFrom(index + 1, exchange, stop);
        });
    }

    private CompletionStage<StageResult> invoke(Stage stage, Exchange exchange) {
        long started = System.nanoTime();
        return attempt(stage, exchange).thenApply(result -> {
            timer.record(stage.name(), outcome(result), System.nanoTime() - started);
            return result;
        });
    }

    private static String outcome(StageResult result) {
        if (result instanceof StageResult.Respond) {
            return "respond";
        }
        return result instanceof StageResult.Reject ? "reject" : "continue";
    }

    private static CompletionStage<StageResult> attempt(Stage stage, Exchange exchange) {
        CompletionStage<StageResult> result;
        try {
            result = stage.apply(exchange);
        } catch (RuntimeException broken) {
            result = CompletableFuture.failedFuture(broken);
        }
        return result.exceptionally(failure -> {
            LOG.errorf("stage %s failed for audit id %s: %s", stage.name(), exchange.auditId(), failure.toString());
            return StageResult.reject(
                    JsonRpcError.INTERNAL_ERROR, "the gateway could not decide (stage " + stage.name() + ")", 500);
        });
    }
}
