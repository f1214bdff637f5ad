package io.sigil.gateway.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.gateway.catalog.ToolDefinition;
import io.sigil.gateway.federation.Federation;
import io.sigil.gateway.federation.Member;
import io.sigil.gateway.federation.Route;
import io.sigil.gateway.pinning.ToolPins;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.upstream.UpstreamClient;
import io.sigil.gateway.upstream.UpstreamException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Federation federation;

    public PinningStage(ToolPins pins, Federation federation) {
        this.pins = pins;
        this.federation = federation;
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
        Optional<Route> route = federation.named(exchange.toolName());
        if (route.isEmpty()) {
            // Unknown tools are the schema stage's to refuse, with its own error.
            return CompletableFuture.completedFuture(StageResult.CONTINUE);
        }
        Member member = route.get().member();
        return member.catalog()
                .toolsIncluding(route.get().local())
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
                    ToolDefinition tool = tools.get(route.get().local());
                    if (tool == null) {
                        return CompletableFuture.completedFuture(StageResult.CONTINUE);
                    }
                    return decide(exchange, member.name(), tool);
                })
                .thenCompose(result -> result);
    }

    private CompletionStage<StageResult> decide(Exchange exchange, String upstream, ToolDefinition tool) {
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

    /**
     * Takes tools awaiting approval out of the list; the answer stays a valid {@code tools/list}. Each tool is
     * reviewed as its own upstream defines it, under its upstream's name, whatever prefix the client sees.
     */
    private CompletionStage<StageResult> filterList(ObjectNode answer) {
        JsonNode listed = answer.path("result").path("tools");
        if (!listed.isArray()) {
            return CompletableFuture.completedFuture(StageResult.respond(answer));
        }
        Map<Member, List<JsonNode>> byUpstream = new LinkedHashMap<>();
        Map<JsonNode, JsonNode> exposedOf = new IdentityHashMap<>();
        for (JsonNode tool : listed) {
            Optional<Route> route = federation.named(tool.path("name").asText(null));
            if (route.isPresent() && tool instanceof ObjectNode object) {
                ObjectNode local = object.deepCopy().put("name", route.get().local());
                byUpstream
                        .computeIfAbsent(route.get().member(), m -> new ArrayList<>())
                        .add(local);
                exposedOf.put(local, tool);
            }
        }
        List<CompletableFuture<List<JsonNode>>> reviews = new ArrayList<>();
        for (Map.Entry<Member, List<JsonNode>> upstream : byUpstream.entrySet()) {
            reviews.add(review(upstream.getKey(), upstream.getValue()).toCompletableFuture());
        }
        return CompletableFuture.allOf(reviews.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    List<JsonNode> kept = new ArrayList<>();
                    reviews.forEach(review -> review.join().forEach(local -> kept.add(exposedOf.get(local))));
                    return respondWith(answer, kept, listed.size());
                })
                .exceptionally(failure -> {
                    LOG.warnf("pin review of the tool list failed: %s", failure.toString());
                    return StageResult.reject(
                            JsonRpcError.INTERNAL_ERROR, STORE_UNAVAILABLE + "; tool list refused", 503);
                });
    }

    /** The usable tools among one upstream's listed tools, in their upstream's own names. */
    private CompletionStage<List<JsonNode>> review(Member member, List<JsonNode> tools) {
        member.catalog()
                .noticeListed(
                        tools.stream().map(tool -> tool.path("name").asText("")).toList());
        return pins.review(member.name(), tools).thenApply(decisions -> {
            if (decisions.stream().anyMatch(d -> !d.usable() || !d.markers().isEmpty())) {
                // A changed tool must not stay callable through a catalogue fetched before the change.
                member.catalog().invalidate();
            }
            return ToolPins.usable(tools, decisions);
        });
    }

    private static StageResult respondWith(ObjectNode answer, List<JsonNode> kept, int listed) {
        if (kept.size() == listed) {
            return StageResult.respond(answer);
        }
        ObjectNode filtered = answer.deepCopy();
        ArrayNode tools = ((ObjectNode) filtered.get("result")).putArray("tools");
        kept.forEach(tools::add);
        return StageResult.respond(filtered);
    }
}
