package io.sigil.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.gateway.upstream.UpstreamClient;
import io.sigil.gateway.upstream.UpstreamException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Answers the list methods across federated upstreams: every page of every upstream the caller may reach is
 * read, names are given their upstream's prefix, and one merged page is returned. An upstream that cannot be
 * read is left out of the list (and logged); if none can, the list fails.
 */
public final class FederatedLists {

    /** The list methods and the member of their result that holds the items. */
    public static final Map<String, String> LISTS = Map.of(
            "tools/list", "tools",
            "prompts/list", "prompts",
            "resources/list", "resources",
            "resources/templates/list", "resourceTemplates");

    private static final Logger LOG = Logger.getLogger(FederatedLists.class);
    private static final int MAX_PAGES = 50;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Federation federation;

    public FederatedLists(Federation federation) {
        this.federation = federation;
    }

    /** The merged answer to a list request, or an error answer for a cursor the gateway never issued. */
    public CompletionStage<ObjectNode> list(ObjectNode request, List<Member> members) {
        String method = request.path("method").asText();
        String key = LISTS.get(method);
        if (request.path("params").hasNonNull("cursor")) {
            // A merged list is one page, so no cursor of ours exists to be sent back.
            return CompletableFuture.failedFuture(new UpstreamException(
                    JsonRpcError.INVALID_PARAMS, "invalid cursor: the gateway's merged lists have a single page"));
        }
        List<CompletableFuture<Optional<List<JsonNode>>>> reads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (Member member : members) {
            reads.add(pages(member, method, key, null, new ArrayList<>(), 0)
                    .toCompletableFuture()
                    .thenApply(Optional::of)
                    .exceptionally(failure -> {
                        Throwable cause = UpstreamClient.unwrap(failure);
                        LOG.warnf(
                                "%s of upstream %s left out of the merged list: %s",
                                method, member.name(), cause.getMessage());
                        synchronized (failures) {
                            failures.add(cause);
                        }
                        return Optional.empty();
                    }));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            if (!members.isEmpty() && failures.size() == members.size()) {
                Throwable first = failures.get(0);
                throw first instanceof UpstreamException upstream
                        ? upstream
                        : new UpstreamException(JsonRpcError.UPSTREAM_UNAVAILABLE, "no upstream could be listed");
            }
            ObjectNode answer = NODES.objectNode();
            answer.put("jsonrpc", "2.0");
            answer.set("id", request.get("id"));
            ArrayNode items = answer.putObject("result").putArray(key);
            for (int i = 0; i < members.size(); i++) {
                Member member = members.get(i);
                reads.get(i).join().ifPresent(listed -> listed.forEach(item -> items.add(expose(item, member, key))));
            }
            return answer;
        });
    }

    private JsonNode expose(JsonNode item, Member member, String key) {
        if (!(item instanceof ObjectNode object)) {
            return item;
        }
        ObjectNode exposed = object.deepCopy();
        if (exposed.path("name").isTextual()) {
            exposed.put("name", member.exposed(exposed.get("name").asText()));
        }
        if ("resources".equals(key) && exposed.path("uri").isTextual()) {
            federation.listedResource(exposed.get("uri").asText(), member);
        }
        if ("resourceTemplates".equals(key) && exposed.path("uriTemplate").isTextual()) {
            federation.listedTemplate(exposed.get("uriTemplate").asText(), member);
        }
        return exposed;
    }

    private CompletionStage<List<JsonNode>> pages(
            Member member, String method, String key, String cursor, List<JsonNode> collected, int page) {
        if (page >= MAX_PAGES) {
            return CompletableFuture.failedFuture(new UpstreamException(
                    JsonRpcError.UPSTREAM_INVALID,
                    "upstream " + member.name() + "'s " + method + " has more than " + MAX_PAGES + " pages"));
        }
        ObjectNode request = NODES.objectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", "list-" + page);
        request.put("method", method);
        if (cursor != null) {
            request.putObject("params").put("cursor", cursor);
        }
        return member.upstream().call(request).thenCompose(answer -> {
            JsonNode items = answer.path("result").path(key);
            if (!items.isArray()) {
                throw new UpstreamException(
                        JsonRpcError.UPSTREAM_INVALID,
                        "upstream " + member.name() + " answered " + method + " without " + key);
            }
            items.forEach(collected::add);
            String next = answer.path("result").path("nextCursor").asText(null);
            return next == null || next.isEmpty()
                    ? CompletableFuture.completedFuture(collected)
                    : pages(member, method, key, next, collected, page + 1);
        });
    }
}
