package io.sigil.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny MCP server over Streamable HTTP (JSON answers) for tests: {@code initialize}, {@code tools/list} of the
 * tools a test sets, and {@code tools/call} answering with the tool's name. A test changes a tool between lists.
 */
public final class FakeUpstream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, ObjectNode> tools = new ConcurrentHashMap<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> received = new ConcurrentHashMap<>();

    public FakeUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mcp", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    }

    /** Offers the tool (or replaces its definition): name, description and a one-string-argument schema. */
    public void tool(String name, String description) {
        ObjectNode tool = JSON.createObjectNode();
        tool.put("name", name);
        tool.put("description", description);
        ObjectNode schema = tool.putObject("inputSchema");
        schema.put("type", "object");
        schema.putObject("properties").putObject("city").put("type", "string");
        tools.put(name, tool);
    }

    /** What the tool answers instead of {@code called <name>}. */
    public void answer(String tool, String text) {
        answers.put(tool, text);
    }

    /** The arguments the tool was last called with, as the upstream received them. */
    public JsonNode lastArguments(String tool) {
        return received.get(tool);
    }

    private void handle(HttpExchange http) throws IOException {
        try (InputStream body = http.getRequestBody()) {
            JsonNode request = JSON.readTree(body.readAllBytes());
            if (!request.has("id")) {
                http.sendResponseHeaders(202, -1);
                return;
            }
            ObjectNode answer = JSON.createObjectNode();
            answer.put("jsonrpc", "2.0");
            answer.set("id", request.get("id"));
            ObjectNode result = answer.putObject("result");
            switch (request.path("method").asText()) {
                case "initialize" -> {
                    result.put(
                            "protocolVersion",
                            request.path("params").path("protocolVersion").asText());
                    result.putObject("capabilities").putObject("tools");
                    result.putObject("serverInfo").put("name", "fake-upstream").put("version", "1");
                }
                case "tools/list" -> tools.values().forEach(result.putArray("tools")::add);
                case "tools/call" -> {
                    String name = request.path("params").path("name").asText();
                    received.put(name, request.path("params").path("arguments"));
                    result.putArray("content")
                            .addObject()
                            .put("type", "text")
                            .put("text", answers.getOrDefault(name, "called " + name));
                }
                default -> {
                    answer.remove("result");
                    answer.putObject("error").put("code", -32601).put("message", "Method not found");
                }
            }
            byte[] bytes = JSON.writeValueAsBytes(answer);
            http.getResponseHeaders().set("Content-Type", "application/json");
            http.sendResponseHeaders(200, bytes.length);
            http.getResponseBody().write(bytes);
        } finally {
            http.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
