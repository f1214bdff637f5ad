package io.sigil.gateway.stages;

import io.sigil.core.mcp.JsonRpcError;
import io.sigil.gateway.pipeline.AnswerFilter;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.upstream.UpstreamClient;
import io.sigil.gateway.upstream.UpstreamException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends the request to the upstream MCP server and answers with the upstream's answer, after the answer filters
 * earlier stages registered on the exchange.
 */
public final class ForwardStage implements Stage {

    public static final String NAME = "forward";

    private final UpstreamClient upstream;

    public ForwardStage(UpstreamClient upstream) {
        this.upstream = upstream;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<StageResult> apply(Exchange exchange) {
        exchange.upstream(upstream.name());
        if (exchange.agent() != null && !exchange.agent().allowedUpstreams().contains(upstream.name())) {
            // The registry names the upstreams each agent may reach; any other is refused before it is contacted.
            return CompletableFuture.completedFuture(StageResult.reject(
                    JsonRpcError.FORBIDDEN,
                    "agent " + exchange.agent().did() + " may not reach upstream " + upstream.name(),
                    403));
        }
        return upstream.call(exchange.request())
                .<StageResult>thenApply(StageResult::respond)
                .exceptionally(this::failed)
                .thenCompose(result -> filtered(result, exchange.answerFilters(), 0));
    }

    /** Passes an upstream answer through the filters earlier stages asked for; the first refusal stops it. */
    private static CompletionStage<StageResult> filtered(StageResult result, List<AnswerFilter> filters, int index) {
        if (index == filters.size() || !(result instanceof StageResult.Respond respond)) {
            return CompletableFuture.completedFuture(result);
        }
        return filters.get(index).filter(respond.message()).thenCompose(next -> filtered(next, filters, index + 1));
    }

    private StageResult failed(Throwable failure) {
        Throwable cause = UpstreamClient.unwrap(failure);
        if (cause instanceof UpstreamException refused) {
            int status = refused.error() == JsonRpcError.UPSTREAM_TIMEOUT ? 504 : 502;
            return StageResult.reject(refused.error(), refused.getMessage(), status);
        }
        return StageResult.reject(JsonRpcError.UPSTREAM_UNAVAILABLE, "upstream " + upstream.name() + " failed", 502);
    }
}
