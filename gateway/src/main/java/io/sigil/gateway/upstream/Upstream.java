package io.sigil.gateway.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** One upstream MCP server as the gateway's own client session sees it, whatever its transport. */
public interface Upstream extends AutoCloseable {

    /** The configured name, used in routing, audit events and the registry's allowed upstreams. */
    String name();

    /**
     * Sends a request and completes with its answer, carrying the caller's original id; fails with an
     * {@link UpstreamException} when the upstream cannot be reached, does not answer in time or answers no MCP.
     */
    default CompletionStage<ObjectNode> call(ObjectNode request) {
        return call(request, null);
    }

    /**
     * Sends a request as {@link #call(ObjectNode)} does; the progress notifications the upstream sends for it go
     * to {@code notifications} under the caller's progress token, as they arrive. With {@code null}, the caller
     * cannot be told and the upstream is not asked for progress.
     */
    CompletionStage<ObjectNode> call(ObjectNode request, Consumer<ObjectNode> notifications);

    /**
     * Hands the notifications the upstream sends outside any request (such as {@code list_changed}) to
     * {@code listener}; upstreams that cannot send any ignore it.
     */
    default void onNotification(Consumer<ObjectNode> listener) {}

    /** Ends the session and whatever the gateway started for it. */
    @Override
    default void close() {}
}
