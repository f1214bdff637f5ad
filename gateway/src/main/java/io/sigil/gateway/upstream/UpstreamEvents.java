package io.sigil.gateway.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Follows an HTTP upstream's GET stream, where it sends messages outside any request, on a thread of its own:
 * each notification goes to the listener; a broken stream is opened again after a back-off (1 s doubling to
 * 30 s); a server that offers no stream (405) is not asked again. Lines and events are bounded.
 */
final class UpstreamEvents implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UpstreamEvents.class);
    private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String name;
    private final Supplier<HttpRequest> request;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final int maxBytes;
    private final Consumer<ObjectNode> listener;
    private final AtomicReference<InputStream> current = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closed;

    UpstreamEvents(
            String name,
            Supplier<HttpRequest> request,
            HttpClient http,
            ObjectMapper mapper,
            int maxBytes,
            Consumer<ObjectNode> listener) {
        this.name = name;
        this.request = request;
        this.http = http;
        this.mapper = mapper;
        this.maxBytes = maxBytes;
        this.listener = listener;
        this.thread = new Thread(this::run, "sigil-upstream-" + name + "-events");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        while (!closed) {
            try {
                HttpResponse<InputStream> response =
                        http.send(request.get(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() == 405) {
                    response.body().close();
                    LOG.infof(
                            "upstream %s offers no GET stream; its notifications outside requests are not heard", name);
                    return;
                }
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new IOException("GET answered HTTP " + response.statusCode());
                }
                backoff = MIN_BACKOFF;
                read(response.body());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception broken) {
                if (closed) {
                    return;
                }
                LOG.debugf("upstream %s GET stream: %s; opened again in %d ms", name, broken, backoff.toMillis());
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void read(InputStream body) throws IOException {
        current.set(body);
        try (body) {
            LineReader lines = new LineReader(body, maxBytes);
            StringBuilder data = new StringBuilder();
            String line;
            while (!closed && (line = lines.next()) != null) {
                if (line.isEmpty()) {
                    dispatch(data);
                    data.setLength(0);
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
                    if (data.length() > maxBytes) {
                        throw new IOException("an event of more than " + maxBytes + " bytes");
                    }
                }
            }
        } finally {
            current.set(null);
        }
    }

    private void dispatch(CharSequence data) {
        if (data.isEmpty()) {
            return;
        }
        try {
            if (mapper.readTree(data.toString()) instanceof ObjectNode message
                    && message.has("method")
                    && !message.has("id")) {
                listener.accept(message);
            }
        } catch (IOException notJson) {
            LOG.debugf("upstream %s sent an event of %d chars that is no JSON; ignored", name, data.length());
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        InputStream body = current.get();
        if (body != null) {
            try {
                body.close();
            } catch (IOException ignored) {
                // closing is all that is wanted
            }
        }
    }
}
