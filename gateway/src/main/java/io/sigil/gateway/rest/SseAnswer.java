package io.sigil.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/**
 * The answer to one POST as a {@code text/event-stream}: the messages that come before the answer (progress)
 * are sent as they arrive, the answer as the last event, then the stream ends. The stream starts with the
 * first message only, so a request that gets none is answered with plain JSON. A message the caller cannot
 * take yet (its connection is full) is dropped, never queued without bound; the answer never is.
 */
final class SseAnswer {

    private static final Logger LOG = Logger.getLogger(SseAnswer.class);

    private final HttpServerResponse response;
    private final ObjectMapper mapper;
    private boolean started;
    private boolean ended;
    private long dropped;

    SseAnswer(HttpServerResponse response, ObjectMapper mapper) {
        this.response = response;
        this.mapper = mapper;
    }

    /** Sends a message before the answer. */
    synchronized void message(ObjectNode message) {
        if (ended || response.closed() || (!started && response.headWritten())) {
            return;
        }
        if (started && response.writeQueueFull()) {
            dropped++;
            return;
        }
        start();
        response.write(event(message));
    }

    /**
     * Closes the stream to further notices and says whether it had started: if so the answer must be its last
     * event ({@link #end}); if not, no notice will start it any more and the answer goes as plain JSON.
     */
    synchronized boolean finish() {
        if (!started) {
            ended = true;
        }
        return started;
    }

    /** Sends the answer as the last event and ends the stream. */
    synchronized void end(ObjectNode answer) {
        if (ended) {
            return;
        }
        ended = true;
        if (!started) {
            return;
        }
        if (dropped > 0) {
            LOG.warnf("%d notifications were dropped: the caller did not read its stream fast enough", dropped);
        }
        if (!response.closed()) {
            response.end(event(answer));
        }
    }

    private void start() {
        if (!started) {
            started = true;
            response.setStatusCode(200)
                    .setChunked(true)
                    .putHeader("Content-Type", "text/event-stream")
                    .putHeader("Cache-Control", "no-cache");
        }
    }

    private String event(ObjectNode message) {
        try {
            // Jackson writes no raw line breaks, so one data line carries the whole message.
            return "event: message\ndata: " + mapper.writeValueAsString(message) + "\n\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
