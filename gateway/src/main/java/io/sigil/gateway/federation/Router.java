package io.sigil.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import java.util.Optional;

/**
 * Decides which upstream answers a request that is not a list, and rewrites the name it carries into the
 * upstream's own. With a single upstream whose names are not namespaced every request passes unchanged.
 */
public final class Router {

    private final Federation federation;

    public Router(Federation federation) {
        this.federation = federation;
    }

    /** Where a request goes, or why it goes nowhere. */
    public sealed interface Routing permits Routed, Unroutable {}

    /** The upstream and the request as it is to be sent there. */
    public record Routed(Member member, ObjectNode request) implements Routing {}

    /** No upstream answers this request. */
    public record Unroutable(JsonRpcError error, String detail) implements Routing {}

    public Routing route(ObjectNode request) {
        if (federation.passThrough()) {
            return new Routed(federation.members().get(0), request);
        }
        String method = request.path("method").asText("");
        JsonNode params = request.path("params");
        return switch (method) {
            case "tools/call" -> named(request, params, "tool");
            case "prompts/get" -> named(request, params, "prompt");
            case "resources/read", "resources/subscribe", "resources/unsubscribe" -> resource(
                    request, params.path("uri").asText(null));
            case "completion/complete" -> completion(request);
            default -> new Unroutable(
                    JsonRpcError.METHOD_NOT_FOUND, method + " is not routed across federated upstreams");
        };
    }

    private Routing named(ObjectNode request, JsonNode params, String kind) {
        String exposed = params.path("name").asText(null);
        Optional<Route> route = federation.named(exposed);
        if (route.isEmpty()) {
            return new Unroutable(JsonRpcError.INVALID_PARAMS, "unknown " + kind + ": " + exposed);
        }
        ObjectNode rewritten = request.deepCopy();
        ((ObjectNode) rewritten.get("params")).put("name", route.get().local());
        return new Routed(route.get().member(), rewritten);
    }

    private Routing resource(ObjectNode request, String uri) {
        return federation
                .resource(uri)
                .<Routing>map(member -> new Routed(member, request))
                .orElseGet(() -> new Unroutable(
                        JsonRpcError.INVALID_PARAMS,
                        "unknown resource: " + uri + " (list resources or templates first)"));
    }

    private Routing completion(ObjectNode request) {
        JsonNode ref = request.path("params").path("ref");
        return switch (ref.path("type").asText("")) {
            case "ref/prompt" -> {
                if (!(ref instanceof ObjectNode)) {
                    yield new Unroutable(JsonRpcError.INVALID_PARAMS, "completion/complete needs a ref object");
                }
                Optional<Route> route = federation.named(ref.path("name").asText(null));
                if (route.isEmpty()) {
                    yield new Unroutable(
                            JsonRpcError.INVALID_PARAMS,
                            "unknown prompt: " + ref.path("name").asText());
                }
                ObjectNode rewritten = request.deepCopy();
                ((ObjectNode) rewritten.path("params").path("ref"))
                        .put("name", route.get().local());
                yield new Routed(route.get().member(), rewritten);
            }
            case "ref/resource" -> resource(request, ref.path("uri").asText(null));
            default -> new Unroutable(
                    JsonRpcError.INVALID_PARAMS, "completion/complete needs a prompt or resource ref");
        };
    }
}
