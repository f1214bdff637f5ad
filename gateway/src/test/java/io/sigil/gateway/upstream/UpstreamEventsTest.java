package io.sigil.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An HTTP upstream's GET stream, against a small server on loopback. */
class UpstreamEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicInteger gets = new AtomicInteger();
    private HttpServer server;
    private UpstreamClient client;

    private URI serve(int getStatus) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mcp", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (body.contains("\"initialize\"")) {
                    exchange.getResponseHeaders().add("Mcp-Session-Id", "upstream-session-1");
                    send(
                            exchange,
                            200,
                            "application/json",
                            "{\"jsonrpc\":\"2.0\",\"id\":\"gw-init-1\",\"result\":"
                                    + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{}}}");
                } else {
                    exchange.sendResponseHeaders(202, -1);
                    exchange.close();
                }
                return;
            }
            gets.incrementAndGet();
            if (getStatus != 200
                    || !"upstream-session-1".equals(exchange.getRequestHeaders().getFirst("Mcp-Session-Id"))) {
                exchange.sendResponseHeaders(getStatus == 200 ? 400 : getStatus, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"sampling/createMessage\"}\n\n"
                            + ": comment\n\n"
                            + "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private UpstreamClient client(URI url) {
        client = new UpstreamClient("events", url, Duration.ofSeconds(5), 1 << 20, HttpClient.newHttpClient(), JSON);
        return client;
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void notificationsOnTheUpstreamsGetStreamReachTheListenerAndRequestsDoNot() throws Exception {
        List<ObjectNode> heard = new CopyOnWriteArrayList<>();

        client(serve(200)).onNotification(heard::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> !heard.isEmpty());
        assertThat(heard).singleElement().satisfies(notice -> assertThat(
                        notice.path("method").asText())
                .isEqualTo("notifications/tools/list_changed"));
    }

    @Test
    void anUpstreamWithoutAGetStreamIsNotAskedAgain() throws Exception {
        client(serve(405)).onNotification(notice -> {});

        await().atMost(Duration.ofSeconds(10)).until(() -> gets.get() == 1);
        Thread.sleep(2_500);

        assertThat(gets).hasValue(1);
    }
}
