package io.sigil.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * One caller's progress token as the upstream sees it: the upstream gets a token of the gateway's own (callers
 * sharing an upstream session must not see each other's progress), and each progress notification it sends
 * under that token goes back to the caller under the caller's token. A relay delivers at most a bounded
 * number of notifications, so that an upstream cannot flood a caller through the gateway.
 */
final class ProgressRelay {

    static final String METHOD = "notifications/progress";
    static final int MAX_NOTIFICATIONS = 10_000;
    static final long MAX_BYTES = 16L << 20;

    private final JsonNode callerToken;
    private final String upstreamToken;
    private final Consumer<ObjectNode> caller;
    private int delivered;
    private long bytes;

    private ProgressRelay(JsonNode callerToken, String upstreamToken, Consumer<ObjectNode> caller) {
        this.callerToken = callerToken;
        this.upstreamToken = upstreamToken;
        this.caller = caller;
    }

    /** The caller's progress token of a request, or {@code null} when it asked for no progress. */
    static JsonNode tokenOf(ObjectNode request) {
        JsonNode token = request.path("params").path("_meta").get("progressToken");
        return token == null || !(token.isTextual() || token.isIntegralNumber()) ? null : token;
    }

    /**
     * Prepares the upstream's copy of a request: with a relay when the caller asked for progress and can be told
     * of it, without the caller's token otherwise.
     */
    static Prepared prepare(ObjectNode request, String upstreamToken, Consumer<ObjectNode> caller) {
        JsonNode token = tokenOf(request);
        if (token == null) {
            return new Prepared(request, null);
        }
        ObjectNode copy = request.deepCopy();
        ObjectNode meta = (ObjectNode) copy.path("params").path("_meta");
        if (caller == null) {
            meta.remove("progressToken");
            return new Prepared(copy, null);
        }
        meta.put("progressToken", upstreamToken);
        return new Prepared(copy, new ProgressRelay(token, upstreamToken, caller));
    }

    /** The request to send upstream and the relay of its progress, if any. */
    record Prepared(ObjectNode request, ProgressRelay relay) {}

    String upstreamToken() {
        return upstreamToken;
    }

    /** Whether a message from the upstream is a progress notification under this relay's token. */
    static String upstreamTokenOf(ObjectNode message) {
        if (!METHOD.equals(message.path("method").asText()) || message.has("id")) {
            return null;
        }
        JsonNode token = message.path("params").get("progressToken");
        return token == null ? null : token.asText();
    }

    /**
     * Passes a notification on to the caller under the caller's token, rebuilt from its method and params only
     * (nothing else of the upstream's message travels unscanned); beyond the bounds it is dropped.
     */
    synchronized boolean relay(ObjectNode notification, int size) {
        if (delivered >= MAX_NOTIFICATIONS
                || bytes + size > MAX_BYTES
                || !notification.path("params").isObject()) {
            return false;
        }
        delivered++;
        bytes += size;
        ObjectNode rebuilt = notification.objectNode();
        rebuilt.put("jsonrpc", "2.0").put("method", METHOD);
        ObjectNode params = notification.get("params").deepCopy();
        params.set("progressToken", callerToken);
        rebuilt.set("params", params);
        caller.accept(rebuilt);
        return true;
    }
}
