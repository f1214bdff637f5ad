package io.sigil.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One running child process of a stdio upstream: newline-delimited JSON-RPC on its stdin and stdout, answers
 * matched to requests by id, requests the server sends to the gateway refused, and every waiting request failed
 * the moment the child exits or breaks the protocol.
 */
final class StdioProcess {

    private static final Logger LOG = Logger.getLogger(StdioProcess.class);
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final String name;
    private final Process process;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final OutputStream stdin;
    private final ExecutorService writer;
    private final Map<String, CompletableFuture<ObjectNode>> waiting = new ConcurrentHashMap<>();
    private final Map<String, ProgressRelay> progress = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<String> exited = new CompletableFuture<>();
    private final long started = System.nanoTime();

    private final Consumer<ObjectNode> notifications;

    private StdioProcess(
            String name, Process process, ObjectMapper mapper, Duration timeout, Consumer<ObjectNode> notifications) {
        this.notifications = notifications;
        this.name = name;
        this.process = process;
        this.mapper = mapper;
        this.timeout = timeout;
        this.stdin = process.getOutputStream();
        this.writer = Executors.newSingleThreadExecutor(daemon("sigil-stdio-" + name + "-in"));
    }

    /** Starts the child and the thread that reads its stdout; its notifications outside requests go to the listener. */
    static StdioProcess start(
            String name,
            StdioLaunch launch,
            ObjectMapper mapper,
            Duration timeout,
            int maxLine,
            Consumer<ObjectNode> notifications)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(launch.command());
        builder.environment().clear();
        builder.environment().putAll(launch.environment());
        launch.directory().ifPresent(directory -> builder.directory(directory.toFile()));
        builder.redirectError(launch.stderr()
                .map(file -> ProcessBuilder.Redirect.appendTo(file.toFile()))
                .orElse(ProcessBuilder.Redirect.DISCARD));
        StdioProcess child = new StdioProcess(name, builder.start(), mapper, timeout, notifications);
        daemon("sigil-stdio-" + name + "-out")
                .newThread(() -> child.read(maxLine))
                .start();
        return child;
    }

    /** Completes with a reason when the child has gone, for whatever cause. */
    CompletableFuture<String> exited() {
        return exited;
    }

    /** How long the child has been running. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Sends a request under an id of the gateway's own and completes with the answer, under that id. */
    CompletableFuture<ObjectNode> request(ObjectNode request) {
        return request(request, null);
    }

    /** As {@link #request(ObjectNode)}, relaying the request's progress notifications to the caller. */
    CompletableFuture<ObjectNode> request(ObjectNode request, Consumer<ObjectNode> notifications) {
        String id = "gw-" + ids.incrementAndGet();
        ProgressRelay.Prepared prepared = ProgressRelay.prepare(request, id, notifications);
        ObjectNode sent = prepared.request() == request ? request.deepCopy() : prepared.request();
        sent.put("id", id);
        CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        if (prepared.relay() != null) {
            progress.put(id, prepared.relay());
            answer.whenComplete((ignored, failure) -> progress.remove(id));
        }
        if (exited.isDone()) {
            waiting.remove(id);
            return CompletableFuture.failedFuture(gone(exited.getNow("")));
        }
        send(sent).exceptionally(failure -> {
            fail(
                    id,
                    new UpstreamException(JsonRpcError.UPSTREAM_UNAVAILABLE, "upstream " + name + " closed its stdin"));
            return null;
        });
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, failure) -> {
                    progress.remove(id);
                    if (waiting.remove(id) != null && failure != null) {
                        LOG.debugf("upstream %s did not answer request %s in time", name, id);
                        // Nobody waits for the answer any more: the server may stop working on it (MCP forbids
                        // cancelling initialize).
                        if (!"initialize".equals(request.path("method").asText())) {
                            send(Handshake.cancelled(id, "timed out at the gateway"));
                        }
                    }
                })
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        UpstreamClient.unwrap(failure) instanceof java.util.concurrent.TimeoutException
                                ? new UpstreamException(
                                        JsonRpcError.UPSTREAM_TIMEOUT,
                                        "upstream " + name + " did not answer within " + timeout.toMillis() + " ms")
                                : UpstreamClient.unwrap(failure)));
    }

    /** Sends a message that expects no answer. */
    CompletableFuture<Void> send(ObjectNode message) {
        byte[] line;
        try {
            line = mapper.writeValueAsBytes(message);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        try {
            return CompletableFuture.runAsync(() -> write(line), writer);
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.failedFuture(closed);
        }
    }

    private void write(byte[] line) {
        try {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void read(int maxLine) {
        LineReader lines = new LineReader(process.getInputStream(), maxLine);
        String reason;
        try {
            String line;
            while ((line = lines.next()) != null) {
                if (!line.isBlank()) {
                    dispatchSafely(line);
                }
            }
            reason = "exited";
        } catch (LineReader.LineTooLong tooLong) {
            reason = "wrote " + tooLong.getMessage() + " to stdout";
            // The child is stopped before the callers hear of it: its stream can no longer be trusted.
            destroy();
            failAll(new UpstreamException(JsonRpcError.UPSTREAM_INVALID, "upstream " + name + " " + reason));
        } catch (IOException broken) {
            reason = "closed its stdout";
        }
        waitForExit();
        if (process.isAlive()) {
            destroy();
        }
        String why = reason + (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")");
        // Marked gone before the callers hear of it, so that their next call starts a new child (after back-off).
        exited.complete(why);
        failAll(gone(why));
        writer.shutdownNow();
    }

    /** A listener that fails (a caller's stream gone) loses that message; the reader goes on for everyone else. */
    private void dispatchSafely(String line) {
        try {
            dispatch(line);
        } catch (RuntimeException failed) {
            LOG.warnf(
                    "upstream %s: a message could not be passed on: %s",
                    name, failed.getClass().getSimpleName());
        }
    }

    private void dispatch(String line) {
        JsonNode message;
        try {
            message = mapper.readTree(line);
        } catch (IOException notJson) {
            // MCP forbids anything but messages on stdout; the line is dropped, never echoed (it may hold secrets).
            LOG.warnf("upstream %s wrote %d bytes that are not JSON to stdout; ignored", name, line.length());
            return;
        }
        if (!(message instanceof ObjectNode object)) {
            LOG.warnf("upstream %s wrote a JSON value that is not a message; ignored", name);
            return;
        }
        boolean answer = object.has("result") || object.has("error");
        if (answer) {
            CompletableFuture<ObjectNode> waiter =
                    waiting.remove(object.path("id").asText(""));
            if (waiter != null) {
                waiter.complete(object);
            }
            return;
        }
        String token = ProgressRelay.upstreamTokenOf(object);
        if (token != null) {
            ProgressRelay relay = progress.get(token);
            if (relay != null) {
                relay.relay(object, line.length());
            }
            return;
        }
        if (object.has("method") && !object.has("id")) {
            notifications.accept(object);
            return;
        }
        if (object.has("method") && object.has("id")) {
            // Sampling, elicitation and roots would hand an upstream the client's model or files: not offered.
            ObjectNode refusal = mapper.createObjectNode();
            refusal.put("jsonrpc", "2.0");
            refusal.set("id", object.get("id"));
            refusal.putObject("error")
                    .put("code", JsonRpcError.METHOD_NOT_FOUND.code())
                    .put(
                            "message",
                            "the SIGIL gateway does not offer "
                                    + object.path("method").asText() + " to upstreams");
            send(refusal);
        }
    }

    private void failAll(UpstreamException failure) {
        waiting.keySet().forEach(id -> fail(id, failure));
    }

    private void fail(String id, UpstreamException failure) {
        CompletableFuture<ObjectNode> waiter = waiting.remove(id);
        if (waiter != null) {
            waiter.completeExceptionally(failure);
        }
    }

    private UpstreamException gone(String why) {
        return new UpstreamException(JsonRpcError.UPSTREAM_UNAVAILABLE, "upstream " + name + " " + why);
    }

    private void waitForExit() {
        try {
            process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the child and everything it started (an {@code npx} launcher leaves its server as a grandchild). */
    void destroy() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        writer.shutdownNow();
    }

    /** The child's process id, for the operations log. */
    long pid() {
        return process.pid();
    }

    private static java.util.concurrent.ThreadFactory daemon(String threadName) {
        return runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        };
    }
}
