package io.sigil.demo.mcp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal MCP Streamable HTTP client over REST Assured: JSON-RPC POSTs to {@code /mcp}, one session. */
final class McpClient {

    static final String PATH = "/mcp";
    static final String ACCEPT = "application/json, text/event-stream";
    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String PROTOCOL_VERSION = "2025-06-18";

    private final String sessionId;
    private final AtomicInteger ids = new AtomicInteger(100);

    private McpClient(String sessionId) {
        this.sessionId = sessionId;
    }

    /** Runs the full handshake (initialize, then notifications/initialized) and returns the session. */
    static McpClient connect() {
        Response init = initialize(PROTOCOL_VERSION);
        assertThat(init.statusCode()).isEqualTo(200);
        String session = init.header(SESSION_HEADER);
        assertThat(session).isNotBlank();
        McpClient client = new McpClient(session);
        Response initialized = client.post(notification("notifications/initialized"));
        assertThat(initialized.statusCode()).isEqualTo(202);
        return client;
    }

    /** A bare initialize request (no session header), as a new client sends it. */
    static Response initialize(String protocolVersion) {
        JsonObject params = new JsonObject()
                .put("protocolVersion", protocolVersion)
                .put("capabilities", new JsonObject())
                .put(
                        "clientInfo",
                        new JsonObject().put("name", "demo-upstream-test").put("version", "1.0"));
        return send(null, request(1, "initialize", params));
    }

    String sessionId() {
        return sessionId;
    }

    /** POSTs a message within this session. */
    Response post(JsonObject message) {
        return send(sessionId, message);
    }

    /** Sends a request within this session and returns the whole JSON-RPC response. */
    JsonObject rpc(String method, JsonObject params) {
        int id = ids.incrementAndGet();
        Response response = post(request(id, method, params));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = body(response);
        assertThat(body.getString("jsonrpc")).isEqualTo("2.0");
        assertThat(body.getInteger("id")).isEqualTo(id);
        return body;
    }

    /** Calls a tool and returns its {@code result} (failing if the answer is a JSON-RPC error). */
    JsonObject callTool(String name, JsonObject arguments) {
        JsonObject answer = rpc("tools/call", new JsonObject().put("name", name).put("arguments", arguments));
        assertThat(answer.containsKey("error"))
                .as("JSON-RPC error %s", answer.getValue("error"))
                .isFalse();
        return answer.getJsonObject("result");
    }

    /** The text of the first content item of a tool result. */
    static String firstText(JsonObject toolResult) {
        JsonObject content = toolResult.getJsonArray("content").getJsonObject(0);
        assertThat(content.getString("type")).isEqualTo("text");
        return content.getString("text");
    }

    static JsonObject request(int id, String method, JsonObject params) {
        JsonObject message =
                new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) {
            message.put("params", params);
        }
        return message;
    }

    static JsonObject notification(String method) {
        return new JsonObject().put("jsonrpc", "2.0").put("method", method);
    }

    static Response send(String sessionId, JsonObject message) {
        RequestSpecification spec =
                given().contentType("application/json").accept(ACCEPT).body(message.encode());
        if (sessionId != null) {
            spec = spec.header(SESSION_HEADER, sessionId);
        }
        return spec.post(PATH);
    }

    /** The JSON-RPC message of an answer, whether sent as plain JSON or as an SSE stream. */
    static JsonObject body(Response response) {
        String contentType = response.contentType();
        String text = response.asString();
        if (contentType != null && contentType.startsWith("text/event-stream")) {
            JsonObject last = null;
            for (String line : text.split("\n")) {
                if (line.startsWith("data:")) {
                    JsonObject event = new JsonObject(line.substring(5).trim());
                    if (event.containsKey("id")) {
                        last = event;
                    }
                }
            }
            assertThat(last).as("no JSON-RPC response in SSE stream: %s", text).isNotNull();
            return last;
        }
        return new JsonObject(text);
    }
}
