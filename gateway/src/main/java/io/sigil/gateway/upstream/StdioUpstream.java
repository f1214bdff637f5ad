package io.sigil.gateway.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * An upstream MCP server the gateway runs as its own child process and talks to over stdio. The child is
 * started on first use and initialised with the gateway's identity; when it exits it is started again on the
 * next call, but never sooner than an exponential back-off allows, so a crashing server cannot make the gateway
 * fork without pause. Calls meanwhile are refused at once as unavailable.
 */
public final class StdioUpstream implements Upstream {

    private static final Logger LOG = Logger.getLogger(StdioUpstream.class);

    private final String name;
    private final StdioLaunch launch;
    private final Duration timeout;
    private final int maxLineBytes;
    private final Backoff backoff;
    private final ObjectMapper mapper;
    private volatile Consumer<ObjectNode> notifications = notification -> {};
    private CompletableFuture<StdioProcess> current;
    private boolean closed;

    public StdioUpstream(
            String name, StdioLaunch launch, Duration timeout, int maxLineBytes, Backoff backoff, ObjectMapper mapper) {
        this.name = name;
        this.launch = launch;
        this.timeout = timeout;
        this.maxLineBytes = maxLineBytes;
        this.backoff = backoff;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void onNotification(Consumer<ObjectNode> listener) {
        this.notifications = listener;
    }

    @Override
    public CompletionStage<ObjectNode> call(ObjectNode request, Consumer<ObjectNode> notifications) {
        return child().thenCompose(
                        child -> child.request(request, notifications).thenApply(answer -> {
                            answer.set("id", request.get("id"));
                            return answer;
                        }));
    }

    private synchronized CompletableFuture<StdioProcess> child() {
        if (closed) {
            return CompletableFuture.failedFuture(
                    new UpstreamException(JsonRpcError.UPSTREAM_UNAVAILABLE, "upstream " + name + " is shut down"));
        }
        if (current != null && !current.isCompletedExceptionally()) {
            StdioProcess running = current.getNow(null);
            if (running == null || !running.exited().isDone()) {
                return current;
            }
        }
        long wait = backoff.remainingMillis();
        if (wait > 0) {
            return CompletableFuture.failedFuture(new UpstreamException(
                    JsonRpcError.UPSTREAM_UNAVAILABLE,
                    "upstream " + name + " stopped and is started again in " + wait + " ms"));
        }
        current = start();
        return current;
    }

    private CompletableFuture<StdioProcess> start() {
        StdioProcess child;
        try {
            child = StdioProcess.start(
                    name, launch, mapper, timeout, maxLineBytes, notification -> notifications.accept(notification));
        } catch (IOException | RuntimeException cannot) {
            backoff.failed();
            LOG.warnf("upstream %s could not be started: %s", name, cannot.getMessage());
            return CompletableFuture.failedFuture(new UpstreamException(
                    JsonRpcError.UPSTREAM_UNAVAILABLE, "upstream " + name + " could not be started"));
        }
        LOG.infof("upstream %s started as process %d", name, child.pid());
        child.exited().thenAccept(why -> stopped(child, why));
        return initialize(child).toCompletableFuture().whenComplete((ready, failure) -> {
            if (failure != null) {
                LOG.warnf(
                        "upstream %s failed its initialisation: %s",
                        name, UpstreamClient.unwrap(failure).getMessage());
                child.destroy();
            }
        });
    }

    private void stopped(StdioProcess child, String why) {
        // A child that ran a while before it stopped starts a fresh back-off; a crash loop lengthens it.
        backoff.stopped(child.age());
        if (!isClosed()) {
            LOG.warnf(
                    "upstream %s (process %d) %s; next start in at least %d ms",
                    name, child.pid(), why, backoff.remainingMillis());
        }
    }

    private CompletionStage<StdioProcess> initialize(StdioProcess child) {
        return child.request(Handshake.initialize("init")).thenCompose(answer -> {
            if (answer.has("error") || !answer.path("result").isObject()) {
                throw new UpstreamException(JsonRpcError.UPSTREAM_INVALID, "upstream " + name + " refused initialize");
            }
            return child.send(Handshake.initialized()).thenApply(sent -> child);
        });
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        CompletableFuture<StdioProcess> last;
        synchronized (this) {
            closed = true;
            last = current;
        }
        if (last != null) {
            // A child still initialising is stopped once it is ready; one that failed has stopped already.
            last.thenAccept(StdioProcess::destroy);
        }
    }

    /**
     * When a stopped child may be started again: after {@code min}, doubling with each stop of a child that ran
     * less than {@code healthy}, up to {@code max}.
     */
    public static final class Backoff {

        private final Duration min;
        private final Duration max;
        private final Duration healthy;
        private final java.util.function.LongSupplier nanos;
        private int failures;
        private long notBefore;

        public Backoff(Duration min, Duration max, Duration healthy, java.util.function.LongSupplier nanos) {
            this.min = min;
            this.max = max;
            this.healthy = healthy;
            this.nanos = nanos;
            this.notBefore = nanos.getAsLong();
        }

        synchronized void stopped(Duration ran) {
            if (ran.compareTo(healthy) >= 0) {
                failures = 0;
            }
            failed();
        }

        synchronized void failed() {
            failures = Math.min(failures + 1, 30);
            long delay = Math.min(max.toNanos(), min.toNanos() << Math.min(failures - 1, 20));
            notBefore = nanos.getAsLong() + delay;
        }

        synchronized long remainingMillis() {
            return Math.max(0, Duration.ofNanos(notBefore - nanos.getAsLong()).toMillis());
        }
    }
}
