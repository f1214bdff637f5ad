package io.sigil.gateway.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GET streams of MCP sessions (server-to-client messages outside any request): at most one per session,
 * kept open with SSE comments, and ended when its session ends or its caller leaves.
 */
public final class SessionStreams {

    private final Vertx vertx;
    private final SessionRegistry sessions;
    private final Duration keepAlive;
    private final Map<String, HttpServerResponse> open = new ConcurrentHashMap<>();

    public SessionStreams(Vertx vertx, SessionRegistry sessions, Duration keepAlive) {
        this.vertx = vertx;
        this.sessions = sessions;
        this.keepAlive = keepAlive;
    }

    /**
     * Opens the session's stream on {@code response}; completes when the stream has ended. Refused (false, and
     * nothing written) when the session already has one.
     */
    public boolean open(McpSession session, HttpServerResponse response, CompletableFuture<Void> ended) {
        if (open.putIfAbsent(session.id(), response) != null) {
            return false;
        }
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache");
        response.write(": stream of session opened\n\n");
        long timer = vertx.setPeriodic(keepAlive.toMillis(), id -> write(response, ": keep-alive\n\n"));
        Runnable finish = () -> {
            vertx.cancelTimer(timer);
            open.remove(session.id(), response);
            ended.complete(null);
        };
        response.closeHandler(closed -> {
            sessions.removeEndListener(session.id());
            finish.run();
        });
        Runnable end = () -> {
            if (!response.ended() && !response.closed()) {
                response.end();
            }
            finish.run();
        };
        sessions.onEnd(session.id(), gone -> end.run());
        // The session may have ended, or the caller left, before the handlers above were in place.
        if (!sessions.isOpen(session.id())) {
            sessions.removeEndListener(session.id());
            end.run();
        } else if (response.closed()) {
            sessions.removeEndListener(session.id());
            finish.run();
        }
        return true;
    }

    /**
     * Sends a message to every open stream; a stream whose caller does not read fast enough misses it rather
     * than queueing without bound.
     */
    public void broadcast(ObjectNode message) {
        String event = "event: message\ndata: " + message + "\n\n";
        open.values().forEach(response -> write(response, event));
    }

    /** Writes unless the stream is gone or full; a stream that ends meanwhile costs only this message. */
    private static void write(HttpServerResponse response, String event) {
        try {
            if (!response.closed() && !response.ended() && !response.writeQueueFull()) {
                response.write(event);
            }
        } catch (IllegalStateException ended) {
            // Ended between the check and the write, by its session or its caller.
        }
    }

    /** How many streams are open, for operations. */
    public int size() {
        return open.size();
    }
}
