package io.sigil.gateway.upstream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.McpProtocol;

/** The messages with which the gateway opens its own session with an upstream, under the gateway's identity. */
final class Handshake {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Handshake() {}

    /** {@code initialize}, naming the gateway (never a client) and the revision it speaks upstream. */
    static ObjectNode initialize(String id) {
        ObjectNode init = NODES.objectNode();
        init.put("jsonrpc", "2.0");
        init.put("id", id);
        init.put("method", "initialize");
        ObjectNode params = init.putObject("params");
        params.put("protocolVersion", McpProtocol.V2025_06_18);
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "sigil-gateway").put("version", "0.1.0");
        return init;
    }

    /** The notification that completes the handshake. */
    static ObjectNode initialized() {
        ObjectNode initialized = NODES.objectNode();
        initialized.put("jsonrpc", "2.0");
        initialized.put("method", "notifications/initialized");
        return initialized;
    }

    /** Tells the server that the gateway no longer waits for a request's answer. */
    static ObjectNode cancelled(String requestId, String reason) {
        ObjectNode cancelled = NODES.objectNode();
        cancelled.put("jsonrpc", "2.0");
        cancelled.put("method", "notifications/cancelled");
        cancelled.putObject("params").put("requestId", requestId).put("reason", reason);
        return cancelled;
    }
}
