package io.sigil.system.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A load benchmark for an MCP endpoint on loopback (not a test): an open-loop phase at a fixed rate, whose
 * latencies count from each request's scheduled send time (so a stalled server cannot hide its delay), and a
 * closed-loop phase for the highest throughput. Kept-alive HTTP/1.1 connections, one thread each, so the client
 * adds no executor hand-over of its own to what it measures. Bounded in count and time; stops by itself.
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
        String token = "-".equals(args[2]) ? null : args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        if (args.length > 6) {
            callBody = call(args[6], args.length > 7 ? args[7] : "{}");
        }
        Target target = new Target(url, token, initialise(url, token));

        // A long-running gateway is warm: -Dwarmup=<seconds> of closed loop lets the JIT compile the hot paths
        // before anything is counted (a few thousand calls at the rate left it half compiled on these shared
        // cores), then -Dwarmrate=<seconds> at the rate let the rest of the mesh (broker, sealer) settle to that
        // rate, as in a gateway that has been serving it for a while. Nothing of it is reported.
        int warmup = Integer.getInteger("warmup", 5);
        if (warmup > 0) {
            closedLoop(target, concurrency, warmup);
            openLoop(target, rate, Integer.getInteger("warmrate", 3), concurrency);
        }
        errors.set(0);
        errorKinds.clear();
        long[] latencies = openLoop(target, rate, seconds, concurrency);
        // -Dclosed=<seconds> sets the closed loop apart (e.g. a long one for a CPU count per call).
        double throughput = closedLoop(target, concurrency, Integer.getInteger("closed", seconds));

        Arrays.sort(latencies);
        System.out.printf(
                "%s: %d req at %d/s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d;"
                        + " closed loop (%d in flight): %.0f req/s%n",
                label,
                latencies.length,
                rate,
                percentile(latencies, 0.50),
                percentile(latencies, 0.90),
                percentile(latencies, 0.99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
                errors.get(),
                concurrency,
                throughput);
        errorKinds.forEach((kind, count) -> System.out.printf("  error x%d: %s%n", count.get(), kind));
    }

    /** Where the load goes: the endpoint, the bearer token (or null) and the MCP session (or null). */
    private record Target(URI url, String token, String session) {

        /** One call on a connection; a broken connection is replaced, and its call counted as an error. */
        boolean call(LoopbackHttp[] connection) {
            try {
                if (connection[0] == null) {
                    connection[0] = new LoopbackHttp(url);
                }
                LoopbackHttp.Answer answer = connection[0].post(token, session, nextCall());
                if (answer.status() == 200 && answer.body().contains("\"result\"")) {
                    return true;
                }
                error(answer.status() + " "
                        + answer.body().substring(0, Math.min(200, answer.body().length())));
            } catch (IOException | RuntimeException e) {
                error(e.getClass().getSimpleName() + ": " + e.getMessage());
                closeQuietly(connection[0]);
                connection[0] = null;
            }
            return false;
        }
    }

    private static void closeQuietly(LoopbackHttp connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
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

    /** Opens an MCP session where the server issues one (a direct upstream); the gateway needs none. */
    private static String initialise(URI url, String token) throws IOException {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"sigil-load\",\"version\":\"1\"}}}";
        try (LoopbackHttp connection = new LoopbackHttp(url)) {
            LoopbackHttp.Answer answer = connection.post(token, null, init);
            if (answer.status() != 200) {
                throw new IllegalStateException("initialize answered " + answer.status());
            }
            connection.post(token, answer.session(), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            return answer.session();
        }
    }

    /**
     * Sends at the rate from one scheduling thread to {@code connections} kept-alive connections, each with its own
     * thread; a latency counts from the call's scheduled time, so a call that waits for a free connection waits on
     * the clock.
     */
    private static long[] openLoop(Target target, int rate, int seconds, int connections) throws InterruptedException {
        int total = rate * seconds;
        BlockingQueue<Long> scheduled = new LinkedBlockingQueue<>();
        long[] latencies = new long[total];
        AtomicInteger measured = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread worker = new Thread(() -> {
                LoopbackHttp[] connection = new LoopbackHttp[1];
                try {
                    for (long due = scheduled.take(); due >= 0; due = scheduled.take()) {
                        if (target.call(connection)) {
                            latencies[measured.getAndIncrement()] = System.nanoTime() - due;
                        }
                    }
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                } finally {
                    closeQuietly(connection[0]);
                }
            });
            worker.start();
            workers.add(worker);
        }
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            scheduled.add(due);
        }
        for (int i = 0; i < connections; i++) {
            scheduled.add(-1L);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return Arrays.copyOf(latencies, measured.get());
    }

    private static double closedLoop(Target target, int concurrency, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong completed = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(() -> {
                LoopbackHttp[] connection = new LoopbackHttp[1];
                while (System.nanoTime() < deadline) {
                    if (target.call(connection)) {
                        completed.incrementAndGet();
                    }
                }
                closeQuietly(connection[0]);
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
