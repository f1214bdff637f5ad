package io.sigil.soc.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.sigil.soc.event.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * A Splunk-HEC-compatible receiver on 127.0.0.1: checks the token, parses the concatenated JSON events, answers as
 * HEC does, and can be told to fail the next requests. With {@link #requireAcks()} it speaks HEC's indexer
 * acknowledgement: a channel is required, every accepted batch gets an ackId of its channel, and
 * {@code /services/collector/ack} reports which are indexed; acks can be delayed or withheld.
 */
public final class HecReceiver implements AutoCloseable {

    /** One request as the receiver saw it: the status it answered and the events the body carried. */
    public record Request(int status, List<JsonNode> events, String authorization, String channel, Long ackId) {

        Request(int status, List<JsonNode> events, String authorization) {
            this(status, events, authorization, null, null);
        }
    }

    /** A scripted answer for one upcoming request. */
    private record Scripted(int status, boolean processAnyway, long delayMillis, String body) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final String token;
    private final String scheme;
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile boolean echoAuthorization;
    private volatile boolean acksRequired;
    private final Map<String, AtomicLong> nextAckId = new ConcurrentHashMap<>();
    private final Map<String, Integer> pollsSeen = new ConcurrentHashMap<>();
    private final Set<String> withheld = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ackPolls = new AtomicInteger();
    private final List<List<Long>> ackRequests = new CopyOnWriteArrayList<>();
    private final Set<Long> withheldIds = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> latePolls = new ConcurrentHashMap<>();
    private volatile int withholdNext;
    private volatile int pollsBeforeAck;

    public HecReceiver(String token) throws IOException {
        this(token, null);
    }

    /** A receiver over HTTPS with this server context (a {@link TestPki}'s), or plain HTTP when it is null. */
    public HecReceiver(String token, SSLContext tls) throws IOException {
        this.token = token;
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            this.server = HttpServer.create(loopback, 0);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = https;
        }
        this.scheme = tls == null ? "http" : "https";
        server.createContext("/services/collector/event", this::handle);
        server.createContext("/services/collector/ack", this::handleAck);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "hec-receiver");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    public URI baseUrl() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code k} requests get {@code status}; with {@code processAnyway} their events count as received. */
    public synchronized void failNext(int k, int status, boolean processAnyway) {
        for (int i = 0; i < k; i++) {
            script.add(new Scripted(status, processAnyway, 0, "{\"text\":\"Server is busy\",\"code\":9}"));
        }
    }

    /** The next request is answered with success only after {@code millis}. */
    public synchronized void delayNext(long millis) {
        script.add(new Scripted(200, true, millis, null));
    }

    /** The next request gets exactly this status and body, and its events count as not received. */
    public synchronized void replyNext(int status, String body) {
        script.add(new Scripted(status, false, 0, body));
    }

    /** A hostile or buggy collector that echoes the Authorization header in its 401 body. */
    public void echoAuthorizationOn401(boolean echo) {
        this.echoAuthorization = echo;
    }

    /** From now on batches need a channel and are acknowledged through the ack endpoint. */
    public void requireAcks() {
        this.acksRequired = true;
    }

    /** The ackIds of the next {@code k} accepted batches are never acknowledged, as if the indexer lost them. */
    public synchronized void withholdAcksOfNext(int k) {
        this.withholdNext = k;
    }

    /** These ackIds (of any channel) are never acknowledged, whichever request they are given to. */
    public void withholdAcks(Long... ackIds) {
        withheldIds.addAll(List.of(ackIds));
    }

    /**
     * This ackId is reported indexed only from its {@code n}-th poll on, the others as usual: acknowledgements out of
     * the order of the requests, as an indexer cluster gives them.
     */
    public void acknowledgeLate(long ackId, int n) {
        latePolls.put(ackId, n);
    }

    /** The ackIds each ack request asked about, in the order the requests came. */
    public List<List<Long>> ackRequests() {
        return List.copyOf(ackRequests);
    }

    /** An ackId is reported indexed only from its {@code n}-th poll on: indexing takes a while. */
    public void acknowledgeAfterPolls(int n) {
        this.pollsBeforeAck = n;
    }

    /** How many ack requests the receiver answered. */
    public int ackPolls() {
        return ackPolls.get();
    }

    /** Events of the batches whose ack was reported to the sender: what the indexer confirmed. */
    public List<JsonNode> acknowledgedEvents() {
        List<JsonNode> out = new ArrayList<>();
        requests.stream()
                .filter(r -> r.ackId() != null && acknowledged.contains(r.channel() + "/" + r.ackId()))
                .forEach(r -> out.addAll(r.events()));
        return out;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Every event of every request the receiver processed (answered 200, or processed before failing). */
    public List<JsonNode> processedEvents() {
        List<JsonNode> out = new ArrayList<>();
        requests.stream().filter(r -> r.status() != 401 && r.status() != 400).forEach(r -> out.addAll(r.events()));
        return out;
    }

    private synchronized Scripted nextScripted() {
        return script.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"text\":\"Method not allowed\",\"code\":1}");
                return;
            }
            if (auth == null || !auth.equals("Splunk " + token)) {
                requests.add(new Request(401, List.of(), auth));
                String echo = echoAuthorization ? " for " + auth : "";
                respond(exchange, 401, "{\"text\":\"Invalid token" + echo + "\",\"code\":4}");
                return;
            }
            List<JsonNode> events;
            try {
                events = parse(body);
            } catch (IOException e) {
                requests.add(new Request(400, List.of(), auth));
                respond(exchange, 400, "{\"text\":\"Invalid data format\",\"code\":6}");
                return;
            }
            Scripted scripted = nextScripted();
            if (scripted != null && scripted.delayMillis() > 0) {
                sleep(scripted.delayMillis());
            }
            if (scripted != null && scripted.body() != null) {
                requests.add(new Request(scripted.status(), scripted.processAnyway() ? events : List.of(), auth));
                respond(exchange, scripted.status(), scripted.body());
                return;
            }
            if (!acksRequired) {
                requests.add(new Request(200, events, auth));
                respond(exchange, 200, "{\"text\":\"Success\",\"code\":0}");
                return;
            }
            String channel = exchange.getRequestHeaders().getFirst("X-Splunk-Request-Channel");
            if (channel == null) {
                requests.add(new Request(400, List.of(), auth));
                respond(exchange, 400, "{\"text\":\"Data channel is missing\",\"code\":10}");
                return;
            }
            long ackId =
                    nextAckId.computeIfAbsent(channel, c -> new AtomicLong()).getAndIncrement();
            if (takeWithheld() || withheldIds.contains(ackId)) {
                withheld.add(channel + "/" + ackId);
            }
            requests.add(new Request(200, events, auth, channel, ackId));
            respond(exchange, 200, "{\"text\":\"Success\",\"code\":0,\"ackId\":" + ackId + "}");
        }
    }

    private synchronized boolean takeWithheld() {
        if (withholdNext > 0) {
            withholdNext--;
            return true;
        }
        return false;
    }

    /** HEC's ack endpoint: {@code {"acks":[ids]}} in, {@code {"acks":{"id":bool}}} out, per channel. */
    private void handleAck(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (auth == null || !auth.equals("Splunk " + token)) {
                respond(exchange, 401, "{\"text\":\"Invalid token\",\"code\":4}");
                return;
            }
            if (!acksRequired) {
                respond(exchange, 400, "{\"text\":\"ACK is disabled\",\"code\":14}");
                return;
            }
            String channel = exchange.getRequestHeaders().getFirst("X-Splunk-Request-Channel");
            if (channel == null) {
                respond(exchange, 400, "{\"text\":\"Data channel is missing\",\"code\":10}");
                return;
            }
            JsonNode ids;
            try {
                ids = Json.MAPPER.readTree(body).path("acks");
            } catch (IOException e) {
                ids = null;
            }
            if (ids == null || !ids.isArray()) {
                respond(exchange, 400, "{\"text\":\"Invalid data format\",\"code\":6}");
                return;
            }
            ackPolls.incrementAndGet();
            List<Long> asked = new ArrayList<>();
            ids.forEach(id -> asked.add(id.asLong()));
            ackRequests.add(List.copyOf(asked));
            ObjectNode answer = Json.MAPPER.createObjectNode();
            ObjectNode statuses = answer.putObject("acks");
            long issued = nextAckId.getOrDefault(channel, new AtomicLong()).get();
            for (JsonNode id : ids) {
                String key = channel + "/" + id.asLong();
                int polls = pollsSeen.merge(key, 1, Integer::sum);
                int needed = latePolls.getOrDefault(id.asLong(), pollsBeforeAck);
                boolean indexed = id.asLong() < issued && !withheld.contains(key) && polls >= needed;
                if (indexed) {
                    acknowledged.add(key);
                }
                statuses.put(id.asText(), indexed);
            }
            respond(exchange, 200, answer.toString());
        }
    }

    /** HEC's batch format: JSON objects one after another, whitespace between them optional. */
    private static List<JsonNode> parse(byte[] body) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        try (MappingIterator<JsonNode> it =
                Json.MAPPER.readerFor(JsonNode.class).readValues(body)) {
            while (it.hasNextValue()) {
                JsonNode envelope = it.nextValue();
                if (!envelope.isObject() || !envelope.has("event")) {
                    throw new IOException("envelope without event");
                }
                events.add(envelope);
            }
        } catch (RuntimeException e) {
            throw new IOException(e);
        }
        if (events.isEmpty()) {
            throw new IOException("no data");
        }
        return events;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
