package io.sigil.gateway.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.gateway.catalog.ToolCatalog;
import io.sigil.gateway.catalog.ToolDefinition;
import io.sigil.gateway.pinning.PinDecision;
import io.sigil.gateway.pinning.ToolPins;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.upstream.UpstreamClient;
import io.sigil.gateway.upstream.UpstreamException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Tool-definition pinning at the gateway: a {@code tools/call} of a tool whose current definition is not
 * approved is refused, and tools awaiting approval are taken out of {@code tools/list} answers on their way
 * back. If the pins cannot be read or written, both are refused: an unverified tool is never passed.
 */
public final class PinningStage implements Stage {

    public static final String NAME = "pinning";
    static final String STORE_UNAVAILABLE = "the tool pin store cannot be used, so tool definitions cannot be verified";
    private static final Logger LOG = Logger.getLogger(PinningStage.class);

    private final ToolPins pins;
    private final ToolCatalog catalog;
    private final String upstream;

    public PinningStage(ToolPins pins, ToolCatalog catalog, String upstream) {
        this.pins = pins;
        this.catalog = catalog;
        this.upstream = upstream;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<StageResult> apply(Exchange exchange) {
        return switch (String.valueOf(exchange.method())) {
            case "tools/call" -> checkCall(exchange);
            case "tools/list" -> {
                exchange.onAnswer(this::filterList);
                yield CompletableFuture.completedFuture(StageResult.CONTINUE);
            }
            default -> CompletableFuture.completedFuture(StageResult.CONTINUE);
        };
    }

    private CompletionStage<StageResult> checkCall(Exchange exchange) {
        return catalog.toolsIncluding(exchange.toolName())
                .<CompletionStage<StageResult>>handle((tools, failure) -> {
                    if (failure != null) {
                        // The upstream's list cannot be read: refused as the schema stage would, by upstream error.
                        Throwable cause = UpstreamClient.unwrap(failure);
                        JsonRpcError error = cause instanceof UpstreamException upstreamError
                                ? upstreamError.error()
                                : JsonRpcError.INTERNAL_ERROR;
                        return CompletableFuture.completedFuture(StageResult.reject(
                                error, "the upstream's tools cannot be read, so the call is refused", 502));
                    }
                    ToolDefinition tool = tools.get(exchange.toolName());
                    if (tool == null) {
                        // Unknown tools are the schema stage's to refuse, with its own error.
                        return CompletableFuture.completedFuture(StageResult.CONTINUE);
                    }
                    return decide(exchange, tool);
                })
                .thenCompose(result -> result);
    }

    private CompletionStage<StageResult> decide(Exchange exchange, ToolDefinition tool) {
        return pins.review(upstream, tool.definition(), tool.digest())
                .thenApply(decision -> {
                    exchange.toolDigest(decision.digest());
                    return decision.usable()
                            ? StageResult.CONTINUE
                            : StageResult.reject(
                                    JsonRpcError.FORBIDDEN, decision.refusal().orElseThrow(), 403);
                })
                .exceptionally(failure -> {
                    LOG.warnf("pin check of %s failed: %s", exchange.toolName(), failure.toString());
                    return StageResult.reject(JsonRpcError.INTERNAL_ERROR, STORE_UNAVAILABLE + "; call refused", 503);
                });
    }

    /** Takes tools awaiting approval out of the upstream's list; the answer stays a valid {@code tools/list}. */
    private CompletionStage<StageResult> filterList(ObjectNode answer) {
        JsonNode listed = answer.path("result").path("tools");
        if (!listed.isArray()) {
            return CompletableFuture.completedFuture(StageResult.respond(answer));
        }
        List<JsonNode> tools = new ArrayList<>();
        listed.forEach(tools::add);
        catalog.noticeListed(
                tools.stream().map(tool -> tool.path("name").asText("")).toList());
        return pins.review(upstream, tools)
                .thenApply(decisions -> {
                    if (decisions.stream()
                            .anyMatch(d -> !d.usable() || !d.markers().isEmpty())) {
                        // A changed tool must not stay callable through a catalogue fetched before the change.
                        catalog.invalidate();
                    }
                    return respondWith(answer, ToolPins.usable(tools, decisions), decisions);
                })
                .exceptionally(failure -> {
                    LOG.warnf("pin review of the tool list failed: %s", failure.toString());
                    return StageResult.reject(
                            JsonRpcError.INTERNAL_ERROR, STORE_UNAVAILABLE + "; tool list refused", 503);
                });
    }

    private static StageResult respondWith(ObjectNode answer, List<JsonNode> kept, List<PinDecision> decisions) {
        if (kept.size() == decisions.size()) {
            return StageResult.respond(answer);
        }
        ObjectNode filtered = answer.deepCopy();
        ArrayNode tools = ((ObjectNode) filtered.get("result")).putArray("tools");
        kept.forEach(tools::add);
        return StageResult.respond(filtered);
    }
}
