package io.sigil.gateway.stages;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigil.core.mcp.JsonRpc;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.mcp.McpProtocol;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.pipeline.TransportHeaders;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Checks the JSON-RPC 2.0 structure of a request, and the shape of a {@code tools/call}, before anything acts on it. */
public final class ValidationStage implements Stage {

    public static final String NAME = "validation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<StageResult> apply(Exchange exchange) {
        return CompletableFuture.completedFuture(validate(exchange));
    }

    private static StageResult validate(Exchange exchange) {
        JsonNode request = exchange.request();
        if (!JsonRpc.VERSION.equals(request.path("jsonrpc").asText(null))) {
            return invalid(JsonRpcError.INVALID_REQUEST, "jsonrpc must be \"2.0\"");
        }
        if (!request.path("method").isTextual()
                || request.path("method").asText().isBlank()) {
            return invalid(JsonRpcError.INVALID_REQUEST, "method must be a non-empty string");
        }
        JsonNode id = request.get("id");
        if (id != null && !(id.isTextual() || id.isIntegralNumber())) {
            return invalid(JsonRpcError.INVALID_REQUEST, "id must be a string or an integer");
        }
        JsonNode params = request.get("params");
        if (params != null && !params.isObject()) {
            return invalid(JsonRpcError.INVALID_PARAMS, "params must be an object");
        }
        if (McpProtocol.isStateless(exchange.protocolVersion())) {
            StageResult headers = checkHeaders(exchange);
            if (headers != StageResult.CONTINUE) {
                return headers;
            }
        }
        if ("tools/call".equals(exchange.method())) {
            if (params == null
                    || !params.path("name").isTextual()
                    || params.path("name").asText().isBlank()) {
                return invalid(JsonRpcError.INVALID_PARAMS, "tools/call needs params.name");
            }
            JsonNode arguments = params.get("arguments");
            if (arguments != null && !arguments.isObject()) {
                return invalid(JsonRpcError.INVALID_PARAMS, "tools/call arguments must be an object");
            }
        }
        return StageResult.CONTINUE;
    }

    /**
     * The stateless revision routes on headers, so they must say what the body says: {@code Mcp-Method} always,
     * {@code Mcp-Name} for the methods that name a tool, prompt or resource. A mismatch is refused, never
     * reconciled, since a proxy and the upstream could otherwise act on different calls.
     */
    private static StageResult checkHeaders(Exchange exchange) {
        TransportHeaders headers = exchange.headers();
        if (!exchange.method().equals(headers.mcpMethod())) {
            return invalid(JsonRpcError.HEADER_MISMATCH, "Mcp-Method must be present and equal the body's method");
        }
        String named = namedIn(exchange);
        if (named != null && !named.equals(headers.mcpName())) {
            return invalid(JsonRpcError.HEADER_MISMATCH, "Mcp-Name must be present and equal the name in the body");
        }
        return StageResult.CONTINUE;
    }

    private static String namedIn(Exchange exchange) {
        JsonNode params = exchange.request().path("params");
        return switch (exchange.method()) {
            case "tools/call", "prompts/get" -> params.path("name").asText(null);
            case "resources/read", "resources/subscribe", "resources/unsubscribe" -> params.path("uri")
                    .asText(null);
            default -> null;
        };
    }

    private static StageResult invalid(JsonRpcError error, String detail) {
        return StageResult.reject(error, detail, 400);
    }
}
