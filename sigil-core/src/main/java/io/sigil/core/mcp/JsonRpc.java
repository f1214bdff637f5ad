package io.sigil.core.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds JSON-RPC 2.0 messages. */
public final class JsonRpc {

    public static final String VERSION = "2.0";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonRpc() {}

    public static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode message = NODES.objectNode();
        message.put("jsonrpc", VERSION);
        message.set("id", id == null ? NullNode.getInstance() : id);
        message.set("result", result);
        return message;
    }

    /** An error answer; {@code detail} is a sentence for the caller and must never hold a secret. */
    public static ObjectNode error(JsonNode id, JsonRpcError error, String detail) {
        ObjectNode body = NODES.objectNode();
        body.put("code", error.code());
        body.put("message", detail == null || detail.isBlank() ? error.message() : error.message() + ": " + detail);
        ObjectNode message = NODES.objectNode();
        message.put("jsonrpc", VERSION);
        message.set("id", id == null ? NullNode.getInstance() : id);
        message.set("error", body);
        return message;
    }

    public static boolean isNotification(JsonNode message) {
        return message.isObject() && message.has("method") && !message.has("id");
    }

    public static boolean isRequest(JsonNode message) {
        return message.isObject() && message.has("method") && message.has("id");
    }
}
