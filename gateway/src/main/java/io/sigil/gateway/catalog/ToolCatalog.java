package io.sigil.gateway.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.gateway.upstream.UpstreamException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The tools one upstream offers, fetched with {@code tools/list} (all pages) and kept for a while, with each
 * input schema compiled once. Concurrent requests share one fetch; a failed fetch is not kept.
 */
public final class ToolCatalog {

    private static final int MAX_PAGES = 50;
    /** The shortest gap between two fetches caused by calls of tools the list lacks. */
    static final Duration MIN_REFETCH = Duration.ofSeconds(2);

    private final Function<ObjectNode, CompletionStage<ObjectNode>> upstream;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    private record Snapshot(Instant fetched, CompletableFuture<Map<String, ToolDefinition>> tools) {}

    public ToolCatalog(Function<ObjectNode, CompletionStage<ObjectNode>> upstream, Duration maxAge, Clock clock) {
        this.upstream = upstream;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public CompletionStage<Map<String, ToolDefinition>> tools() {
        Snapshot snapshot = current.get();
        Instant now = clock.instant();
        if (snapshot != null
                && !snapshot.tools().isCompletedExceptionally()
                && snapshot.fetched().plus(maxAge).isAfter(now)) {
            return snapshot.tools();
        }
        Snapshot fresh = new Snapshot(now, new CompletableFuture<>());
        if (!current.compareAndSet(snapshot, fresh)) {
            return tools();
        }
        fetchPage(null, new LinkedHashMap<>(), 0).whenComplete((tools, failure) -> {
            if (failure != null) {
                current.compareAndSet(fresh, null);
                fresh.tools().completeExceptionally(failure);
            } else {
                fresh.tools().complete(Map.copyOf(tools));
            }
        });
        return fresh.tools();
    }

    /**
     * The tools, fetched again first if {@code name} is not among them and the list is older than
     * {@link #MIN_REFETCH}: a tool the upstream added since is found at once, while calls of a tool that does
     * not exist cannot make the gateway fetch the list more than once per interval.
     */
    public CompletionStage<Map<String, ToolDefinition>> toolsIncluding(String name) {
        return tools().thenCompose(tools -> {
            Snapshot snapshot = current.get();
            if (name == null
                    || tools.containsKey(name)
                    || snapshot == null
                    || snapshot.fetched().plus(MIN_REFETCH).isAfter(clock.instant())) {
                return CompletableFuture.completedFuture(tools);
            }
            current.compareAndSet(snapshot, null);
            return tools();
        });
    }

    /**
     * Forgets the list if a {@code tools/list} answer on its way to a client names a tool the list lacks: a
     * client that has just been shown a tool can call it, however recently the list was fetched.
     */
    public void noticeListed(Collection<String> names) {
        Snapshot snapshot = current.get();
        Map<String, ToolDefinition> known =
                snapshot == null ? null : snapshot.tools().getNow(null);
        if (known != null && !known.keySet().containsAll(names)) {
            current.compareAndSet(snapshot, null);
        }
    }

    /** Forgets the list, so that the next call fetches it again (a tool was seen to change). */
    public void invalidate() {
        current.set(null);
    }

    private CompletionStage<Map<String, ToolDefinition>> fetchPage(
            String cursor, Map<String, ToolDefinition> collected, int page) {
        if (page >= MAX_PAGES) {
            return CompletableFuture.failedFuture(new UpstreamException(
                    JsonRpcError.UPSTREAM_INVALID, "the upstream's tool list has more than " + MAX_PAGES + " pages"));
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", "catalog-" + ids.incrementAndGet());
        request.put("method", "tools/list");
        if (cursor != null) {
            request.putObject("params").put("cursor", cursor);
        }
        return upstream.apply(request).thenCompose(answer -> {
            JsonNode result = answer.path("result");
            if (!result.path("tools").isArray()) {
                throw new UpstreamException(JsonRpcError.UPSTREAM_INVALID, "the upstream's tools/list has no tools");
            }
            for (JsonNode tool : result.get("tools")) {
                String name = tool.path("name").asText("");
                if (!name.isEmpty()) {
                    collected.put(name, SchemaCompiler.compile(name, tool));
                }
            }
            String next = result.path("nextCursor").asText(null);
            return next == null || next.isEmpty()
                    ? CompletableFuture.completedFuture(collected)
                    : fetchPage(next, collected, page + 1);
        });
    }
}
