package io.sigil.gateway.stages;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpc;
import io.sigil.core.mcp.McpProtocol;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers the MCP lifecycle itself: the gateway is the MCP server its clients talk to, so {@code initialize}
 * and {@code ping} never reach an upstream.
 */
public final class LifecycleStage implements Stage {

    public static final String NAME = "lifecycle";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<StageResult> apply(Exchange exchange) {
        StageResult result =
                switch (exchange.method()) {
                    case "initialize" -> StageResult.respond(JsonRpc.result(exchange.id(), initializeResult(exchange)));
                    case "ping" -> StageResult.respond(JsonRpc.result(exchange.id(), NODES.objectNode()));
                    default -> StageResult.CONTINUE;
                };
        return CompletableFuture.completedFuture(result);
    }

    private static ObjectNode initializeResult(Exchange exchange) {
        String requested =
                exchange.request().path("params").path("protocolVersion").asText(null);
        ObjectNode result = NODES.objectNode();
        result.put("protocolVersion", McpProtocol.negotiate(requested));
        ObjectNode capabilities = result.putObject("capabilities");
        capabilities.putObject("tools");
        capabilities.putObject("resources");
        capabilities.putObject("prompts");
        result.putObject("serverInfo").put("name", "sigil-gateway").put("version", "0.1.0");
        result.put("instructions", "Tool calls pass the SIGIL gateway: identity, policy, scanning, vault and audit.");
        return result;
    }
}
