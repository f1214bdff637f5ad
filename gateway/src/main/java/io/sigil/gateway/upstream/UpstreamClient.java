package io.sigil.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.mcp.McpProtocol;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The gateway's own MCP client session with one Streamable HTTP upstream. The gateway initialises the
 * session itself with its own identity (a client's token never travels upstream), rewrites request ids so
 * that clients sharing the session cannot collide, and accepts JSON or SSE answers.
 */
public final class UpstreamClient implements Upstream {

    private final String name;
    private final URI url;
    private final Duration timeout;
    private final int maxResponseBytes;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicReference<CompletableFuture<Session>> session = new AtomicReference<>();
    private UpstreamEvents events;

    /** The negotiated upstream session: its id (if the server issued one) and protocol revision. */
    record Session(Optional<String> id, String protocolVersion) {}

    public UpstreamClient(
            String name, URI url, Duration timeout, int maxResponseBytes, HttpClient http, ObjectMapper mapper) {
        this.name = name;
        this.url = url;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.http = http;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return name;
    }

    /** Follows the upstream's GET stream, whose notifications go to {@code listener}. */
    @Override
    public synchronized void onNotification(Consumer<ObjectNode> listener) {
        if (events != null) {
            events.close();
        }
        events = new UpstreamEvents(name, this::streamRequest, http, mapper, maxResponseBytes, listener);
        events.start();
    }

    /** The GET that opens the stream, under the current session (initialised first if need be). */
    private HttpRequest streamRequest() {
        Session current = session().join().session;
        HttpRequest.Builder get = HttpRequest.newBuilder(url)
                .header("Accept", "text/event-stream")
                .header(McpProtocol.HEADER_PROTOCOL_VERSION, current.protocolVersion())
                .GET();
        current.id().ifPresent(id -> get.header(McpProtocol.HEADER_SESSION_ID, id));
        return get.build();
    }

    @Override
    public synchronized void close() {
        if (events != null) {
            events.close();
        }
    }

    /** Sends a request upstream and completes with the answer, carrying the caller's original id. */
    @Override
    public CompletionStage<ObjectNode> call(ObjectNode request, Consumer<ObjectNode> notifications) {
        return session()
                .thenCompose(
                        current -> exchange(current, request, notifications).handle((answer, failure) -> {
                            if (failure == null) {
                                return CompletableFuture.completedFuture(answer);
                            }
                            if (unwrap(failure) instanceof SessionExpired) {
                                session.compareAndSet(current.future, null);
                                return session().thenCompose(fresh -> exchange(fresh, request, notifications));
                            }
                            return CompletableFuture.<ObjectNode>failedFuture(unwrap(failure));
                        }))
                .thenCompose(stage -> stage);
    }

    private CompletionStage<ObjectNode> exchange(
            Current current, ObjectNode request, Consumer<ObjectNode> notifications) {
        JsonNode originalId = request.get("id");
        String upstreamId = "gw-" + ids.incrementAndGet();
        ProgressRelay.Prepared prepared = ProgressRelay.prepare(request, upstreamId, notifications);
        ObjectNode upstreamRequest = prepared.request() == request ? request.deepCopy() : prepared.request();
        upstreamRequest.put("id", upstreamId);
        return post(upstreamRequest, current.session, body(prepared.relay())).thenApply(response -> {
            if (response.statusCode() == 404 && current.session.id().isPresent()) {
                throw new SessionExpired();
            }
            ObjectNode answer = parseAnswer(response, upstreamId);
            answer.set("id", originalId);
            return answer;
        });
    }

    private CompletableFuture<Current> session() {
        CompletableFuture<Session> existing = session.get();
        if (existing != null && !existing.isCompletedExceptionally()) {
            return existing.thenApply(s -> new Current(s, existing));
        }
        CompletableFuture<Session> created = new CompletableFuture<>();
        if (!session.compareAndSet(existing, created)) {
            return session();
        }
        initialize().whenComplete((s, failure) -> {
            if (failure != null) {
                session.compareAndSet(created, null);
                created.completeExceptionally(unwrap(failure));
            } else {
                created.complete(s);
            }
        });
        return created.thenApply(s -> new Current(s, created));
    }

    private record Current(Session session, CompletableFuture<Session> future) {}

    private CompletionStage<Session> initialize() {
        ObjectNode init = Handshake.initialize("gw-init-" + ids.incrementAndGet());
        Session none = new Session(Optional.empty(), McpProtocol.V2025_06_18);
        return post(init, none).thenCompose(response -> {
            ObjectNode answer = parseAnswer(response, init.get("id").asText());
            if (answer.has("error")) {
                throw new UpstreamException(JsonRpcError.UPSTREAM_INVALID, "upstream " + name + " refused initialize");
            }
            String version = answer.path("result").path("protocolVersion").asText(McpProtocol.V2025_06_18);
            Session session = new Session(response.headers().firstValue(McpProtocol.HEADER_SESSION_ID), version);
            return post(Handshake.initialized(), session).thenApply(ignored -> session);
        });
    }

    private CompletionStage<HttpResponse<byte[]>> post(ObjectNode message, Session session) {
        return post(message, session, info -> BoundedBody.subscriber(maxResponseBytes));
    }

    /**
     * The body of an answer: collected within the limit and, when it streams and progress was asked for, each
     * event read as it arrives so that progress reaches the caller before the answer.
     */
    private HttpResponse.BodyHandler<byte[]> body(ProgressRelay relay) {
        if (relay == null) {
            return info -> BoundedBody.subscriber(maxResponseBytes);
        }
        return info -> {
            if (!info.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                return BoundedBody.subscriber(maxResponseBytes);
            }
            SseSplitter events = new SseSplitter(data -> relayIfProgress(data, relay));
            return BoundedBody.subscriber(maxResponseBytes, events::feed);
        };
    }

    private void relayIfProgress(String data, ProgressRelay relay) {
        try {
            if (mapper.readTree(data) instanceof ObjectNode message
                    && relay.upstreamToken().equals(ProgressRelay.upstreamTokenOf(message))) {
                relay.relay(message, data.length());
            }
        } catch (IOException notJson) {
            // The answer is looked for again once the stream has ended; this event relays nothing.
        }
    }

    private CompletionStage<HttpResponse<byte[]>> post(
            ObjectNode message, Session session, HttpResponse.BodyHandler<byte[]> bodyHandler) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header(McpProtocol.HEADER_PROTOCOL_VERSION, session.protocolVersion());
        session.id().ifPresent(id -> request.header(McpProtocol.HEADER_SESSION_ID, id));
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(message);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(
                        request.POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        bodyHandler)
                .exceptionally(failure -> {
                    throw translate(unwrap(failure));
                });
    }

    private ObjectNode parseAnswer(HttpResponse<byte[]> response, String expectedId) {
        int status = response.statusCode();
        if (status == 202) {
            throw new UpstreamException(JsonRpcError.UPSTREAM_INVALID, "upstream " + name + " sent no answer");
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (contentType.startsWith("text/event-stream")) {
                for (String data : SseMessages.dataOf(body)) {
                    JsonNode event = mapper.readTree(data);
                    if (event instanceof ObjectNode message
                            && expectedId.equals(message.path("id").asText(null))) {
                        return message;
                    }
                }
                throw new UpstreamException(
                        JsonRpcError.UPSTREAM_INVALID, "upstream " + name + " closed its stream without an answer");
            }
            JsonNode answer = mapper.readTree(body);
            if (answer instanceof ObjectNode message && (message.has("result") || message.has("error"))) {
                return message;
            }
        } catch (IOException notJson) {
            // reported below, without echoing the body
        }
        throw new UpstreamException(
                JsonRpcError.UPSTREAM_INVALID,
                "upstream " + name + " answered HTTP " + status + " with no JSON-RPC answer");
    }

    private RuntimeException translate(Throwable failure) {
        if (failure instanceof UpstreamException upstream) {
            return upstream;
        }
        if (failure instanceof HttpTimeoutException) {
            return new UpstreamException(
                    JsonRpcError.UPSTREAM_TIMEOUT,
                    "upstream " + name + " did not answer within " + timeout.toMillis() + " ms");
        }
        if (failure instanceof ConnectException) {
            return new UpstreamException(JsonRpcError.UPSTREAM_UNAVAILABLE, "upstream " + name + " is unreachable");
        }
        if (failure instanceof BoundedBody.TooLarge) {
            return new UpstreamException(
                    JsonRpcError.UPSTREAM_INVALID,
                    "upstream " + name + " answered more than " + maxResponseBytes + " bytes");
        }
        return new UpstreamException(
                JsonRpcError.UPSTREAM_UNAVAILABLE,
                "upstream " + name + " failed: " + failure.getClass().getSimpleName());
    }

    /** The failure behind completion wrappers. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof java.util.concurrent.ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        if (current instanceof IOException && current.getCause() instanceof BoundedBody.TooLarge tooLarge) {
            return tooLarge;
        }
        return current;
    }

    /** The upstream forgot our session; we initialise again once. */
    private static final class SessionExpired extends RuntimeException {
        SessionExpired() {
            super("upstream session expired", null, false, false);
        }
    }
}
