package io.sigil.gateway.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.ValidationMessage;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.gateway.catalog.ToolDefinition;
import io.sigil.gateway.federation.Federation;
import io.sigil.gateway.federation.Route;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.upstream.UpstreamClient;
import io.sigil.gateway.upstream.UpstreamException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Before a {@code tools/call} is dispatched: the tool must exist upstream and its arguments must satisfy the
 * tool's {@code inputSchema} (JSON Schema 2020-12). If the catalogue cannot be read, the call is refused.
 */
public final class SchemaStage implements Stage {

    public static final String NAME = "schema";
    private static final int MAX_REPORTED = 5;

    private final Federation federation;

    public SchemaStage(Federation federation) {
        this.federation = federation;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<StageResult> apply(Exchange exchange) {
        if (!"tools/call".equals(exchange.method())) {
            return CompletableFuture.completedFuture(StageResult.CONTINUE);
        }
        Optional<Route> route = federation.named(exchange.toolName());
        if (route.isEmpty()) {
            return CompletableFuture.completedFuture(
                    StageResult.reject(JsonRpcError.INVALID_PARAMS, "unknown tool: " + exchange.toolName(), 400));
        }
        return route.get()
                .member()
                .catalog()
                .toolsIncluding(route.get().local())
                .thenApply(tools -> check(tools.get(route.get().local()), exchange))
                .exceptionally(failure -> {
                    Throwable cause = UpstreamClient.unwrap(failure);
                    JsonRpcError error = cause instanceof UpstreamException upstream
                            ? upstream.error()
                            : JsonRpcError.INTERNAL_ERROR;
                    return StageResult.reject(
                            error, "the upstream's tools cannot be read, so the call is refused", 502);
                });
    }

    private static StageResult check(ToolDefinition tool, Exchange exchange) {
        String name = exchange.toolName();
        if (tool == null) {
            return StageResult.reject(JsonRpcError.INVALID_PARAMS, "unknown tool: " + name, 400);
        }
        if (tool.unusable().isPresent()) {
            return StageResult.reject(
                    JsonRpcError.INVALID_PARAMS,
                    "tool " + name + " refused: " + tool.unusable().get(),
                    400);
        }
        JsonNode arguments = exchange.request().path("params").get("arguments");
        Set<ValidationMessage> problems = tool.schema()
                .orElseThrow()
                .validate(arguments == null ? JsonNodeFactory.instance.objectNode() : arguments);
        if (problems.isEmpty()) {
            return StageResult.CONTINUE;
        }
        String detail = problems.stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .limit(MAX_REPORTED)
                .collect(Collectors.joining("; "));
        return StageResult.reject(
                JsonRpcError.INVALID_PARAMS, "arguments of " + name + " do not match its inputSchema: " + detail, 400);
    }
}
