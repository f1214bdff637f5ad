package io.sigil.system.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load benchmark for an MCP endpoint on loopback (not a test): an open-loop phase at a fixed rate, whose
 * latencies count from each request's scheduled send time (so a stalled server cannot hide its delay), and a
 * closed-loop phase for the highest throughput. Bounded in count and time; stops by itself.
 *
 * <p>Usage: {@code McpLoad <label> <mcp-url> <bearer-token|-> <rate/s> <seconds> <concurrency> [tool [arguments]]}
 * (default tool {@code get_weather} with {@code {"city":"Bonn"}}).
 */
public final class McpLoad {

    private static String callBody = call("get_weather", "{\"city\":\"Bonn\"}");

    private static final AtomicLong IDS = new AtomicLong();

    private static String call(String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":ID,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    /** Each request its own id: a proxy that matches answers by id within one session must not see two alike. */
    private static String nextCall() {
        return callBody.replace("\"id\":ID", "\"id\":" + IDS.incrementAndGet());
    }

    private McpLoad() {}

    public static void main(String[] args) throws Exception {
        String label = args[0];
        URI url = URI.create(args[1]);
        if (!"127.0.0.1".equals(url.getHost()) && !"localhost".equals(url.getHost())) {
            throw new IllegalArgumentException("load is only ever sent to loopback");
        }
        String token = "-".equals(args[2]) ? null : args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        if (args.length > 6) {
            callBody = call(args[6], args.length > 7 ? args[7] : "{}");
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String session = initialise(http, url, token);

        // A long-running gateway is warm: -Dwarmup=<seconds> of closed loop lets the JIT finish before anything is
        // counted (a few thousand calls at the rate left it half compiled on these shared cores), then a few
        // seconds at the rate let the connections settle to what the open loop uses. Nothing of it is reported.
        int warmup = Integer.getInteger("warmup", 5);
        if (warmup > 0) {
            closedLoop(http, url, token, session, concurrency, warmup);
            openLoop(http, url, token, session, rate, 3);
        }
        errors.set(0);
        errorKinds.clear();
        long[] latencies = openLoop(http, url, token, session, rate, seconds);
        // -Dclosed=<seconds> sets the closed loop apart (e.g. a long one for a CPU count per call).
        double throughput = closedLoop(http, url, token, session, concurrency, Integer.getInteger("closed", seconds));

        Arrays.sort(latencies);
        System.out.printf(
                "%s: %d req at %d/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d; closed loop (%d in flight):"
                        + " %.0f req/s%n",
                label,
                latencies.length,
                rate,
                percentile(latencies, 0.50),
                percentile(latencies, 0.99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
                errors.get(),
                concurrency,
                throughput);
        errorKinds.forEach((kind, count) -> System.out.printf("  error x%d: %s%n", count.get(), kind));
    }

    private static final AtomicInteger errors = new AtomicInteger();
    private static final Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();

    /** Counts an error and keeps what kind it was (status and the start of the body, or the exception). */
    private static void error(String kind) {
        errors.incrementAndGet();
        if (errorKinds.size() < 10 || errorKinds.containsKey(kind)) {
            errorKinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static String kind(HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        String body = response.body();
        return response.statusCode() + " " + body.substring(0, Math.min(200, body.length()));
    }

    private static HttpRequest request(URI url, String token, String session, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            builder.header("Mcp-Session-Id", session);
        }
        return builder.build();
    }

    /** Opens an MCP session where the server issues one (a direct upstream); the gateway needs none. */
    private static String initialise(HttpClient http, URI url, String token) throws Exception {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"sigil-load\",\"version\":\"1\"}}}";
        HttpResponse<String> response =
                http.send(request(url, token, null, init), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("initialize answered " + response.statusCode());
        }
        String session = response.headers().firstValue("Mcp-Session-Id").orElse(null);
        http.send(
                request(url, token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                HttpResponse.BodyHandlers.discarding());
        return session;
    }

    private static long[] openLoop(HttpClient http, URI url, String token, String session, int rate, int seconds)
            throws InterruptedException {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> inFlight = java.util.Collections.synchronizedList(new ArrayList<>());
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        AtomicLong sent = new AtomicLong();
        ticker.scheduleAtFixedRate(
                () -> {
                    long index = sent.getAndIncrement();
                    if (index >= total) {
                        return;
                    }
                    long scheduled = start + index * periodNanos;
                    inFlight.add(http.sendAsync(
                                    request(url, token, session, nextCall()), HttpResponse.BodyHandlers.ofString())
                            .whenComplete((response, failure) -> {
                                if (failure != null
                                        || response.statusCode() != 200
                                        || !response.body().contains("\"result\"")) {
                                    error(kind(response, failure));
                                } else {
                                    latencies.add(System.nanoTime() - scheduled);
                                }
                            }));
                },
                0,
                periodNanos,
                TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        ticker.shutdownNow();
        List<CompletableFuture<?>> pending;
        synchronized (inFlight) {
            pending = new ArrayList<>(inFlight);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private static double closedLoop(
            HttpClient http, URI url, String token, String session, int concurrency, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong completed = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        HttpResponse<String> response = http.send(
                                request(url, token, session, nextCall()), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200 && response.body().contains("\"result\"")) {
                            completed.incrementAndGet();
                        } else {
                            error(kind(response, null));
                        }
                    } catch (Exception e) {
                        error(kind(null, e));
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return seconds == 0 ? 0 : completed.get() / (double) seconds;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
