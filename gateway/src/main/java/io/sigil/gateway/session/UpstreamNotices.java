package io.sigil.gateway.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.gateway.federation.Federation;
import io.sigil.gateway.federation.Member;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * What the gateway does with the notifications upstreams send outside any request. A {@code list_changed} is
 * passed to every session's GET stream (it carries no data), and a changed tool list makes the upstream's
 * catalogue fetch again, so that a changed tool meets its pin at once. Other notifications (logging, resource
 * updates for one upstream session's subscriptions) are not relayed: they would need a caller to route to.
 */
public final class UpstreamNotices {

    private static final Logger LOG = Logger.getLogger(UpstreamNotices.class);
    static final Set<String> LIST_CHANGED = Set.of(
            "notifications/tools/list_changed",
            "notifications/prompts/list_changed",
            "notifications/resources/list_changed");

    private final Consumer<ObjectNode> streams;
    private final Coalescer coalescer;

    /** Notices go to {@code streams} as they come. */
    public UpstreamNotices(Consumer<ObjectNode> streams) {
        this(streams, Coalescer.none());
    }

    /** Notices go to {@code streams} (in the gateway, every open GET stream), each method at most once a window. */
    public UpstreamNotices(Consumer<ObjectNode> streams, Coalescer coalescer) {
        this.streams = streams;
        this.coalescer = coalescer;
    }

    /** Listens to every upstream of the federation. */
    public void listenTo(Federation federation) {
        federation.members().forEach(member -> member.upstream().onNotification(notice -> handle(member, notice)));
    }

    void handle(Member member, ObjectNode notice) {
        String method = notice.path("method").asText();
        if (!LIST_CHANGED.contains(method)) {
            LOG.debugf("upstream %s sent %s outside a request; not relayed", member.name(), method);
            return;
        }
        if (method.equals("notifications/tools/list_changed")) {
            member.catalog().invalidate();
        }
        // The catalogue forgets at once (a changed tool must meet its pin); clients hear of it at most once a window.
        coalescer.submit(method, () -> {
            ObjectNode relayed = notice.objectNode();
            relayed.put("jsonrpc", "2.0").put("method", method);
            streams.accept(relayed);
        });
    }
}
