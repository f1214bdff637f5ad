package io.sigil.demo.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sigil.demo.tools.FakeIban;
import io.sigil.demo.tools.FakeMailbox;
import io.sigil.demo.tools.FakeSecrets;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real MCP JSON-RPC over HTTP against the six tools, the resource and the prompt. */
@QuarkusTest
class McpToolsTest {

    private McpClient client;

    @BeforeEach
    void connect() {
        client = McpClient.connect();
    }

    @Test
    void listsTheSixToolsWithInputSchemas() {
        JsonArray tools = client.rpc("tools/list", null).getJsonObject("result").getJsonArray("tools");
        Map<String, JsonObject> byName = new HashMap<>();
        for (int i = 0; i < tools.size(); i++) {
            JsonObject tool = tools.getJsonObject(i);
            byName.put(tool.getString("name"), tool);
            assertThat(tool.getString("description")).isNotBlank();
            assertThat(tool.getJsonObject("inputSchema").getString("type")).isEqualTo("object");
        }
        assertThat(byName)
                .containsOnlyKeys(
                        "get_weather", "read_email", "get_deploy_config", "transfer_funds", "drop_table", "slow_echo");

        assertThat(required(byName.get("get_weather"))).containsExactly("city");
        assertThat(required(byName.get("read_email"))).isEmpty();
        assertThat(property(byName.get("read_email"), "folder").getString("default"))
                .isEqualTo("inbox");
        assertThat(required(byName.get("get_deploy_config"))).containsExactly("service");
        assertThat(required(byName.get("transfer_funds")))
                .containsExactlyInAnyOrder("from_iban", "to_iban", "amount", "currency");
        assertThat(property(byName.get("transfer_funds"), "amount").getString("type"))
                .isEqualTo("number");
        assertThat(required(byName.get("drop_table"))).containsExactly("table");
        assertThat(byName.get("drop_table").getJsonObject("annotations").getBoolean("destructiveHint"))
                .isTrue();
        assertThat(required(byName.get("slow_echo"))).containsExactlyInAnyOrder("text", "delay_ms");
        assertThat(property(byName.get("slow_echo"), "delay_ms").getString("type"))
                .isEqualTo("integer");
    }

    @Test
    void weatherMentionsTheCityAndIsDeterministic() {
        JsonObject result = client.callTool("get_weather", new JsonObject().put("city", "Berlin"));
        assertThat(result.getBoolean("isError")).isFalse();
        String text = McpClient.firstText(result);
        assertThat(text).contains("Berlin");
        assertThat(McpClient.firstText(client.callTool("get_weather", new JsonObject().put("city", "Berlin"))))
                .isEqualTo(text);
    }

    @Test
    void missingRequiredArgumentIsAToolError() {
        JsonObject result = client.callTool("get_weather", new JsonObject());
        assertThat(result.getBoolean("isError")).isTrue();
        assertThat(McpClient.firstText(result)).contains("city");
    }

    @Test
    void emailLeaksFakePii() {
        JsonObject result = client.callTool("read_email", new JsonObject());
        assertThat(result.getBoolean("isError")).isFalse();
        assertThat(McpClient.firstText(result))
                .contains("Folder: inbox")
                .contains("DE89 3704 0044 0532 0130 00")
                .contains(FakeIban.COMPUTED)
                .contains(FakeMailbox.SENDER)
                .contains("@example.com")
                .contains(FakeMailbox.PHONE);

        JsonObject archive = client.callTool("read_email", new JsonObject().put("folder", "archive"));
        assertThat(McpClient.firstText(archive)).contains("Folder: archive");
    }

    @Test
    void deployConfigLeaksTheFakeSecrets() {
        JsonObject result = client.callTool("get_deploy_config", new JsonObject().put("service", "billing"));
        assertThat(result.getBoolean("isError")).isFalse();
        assertThat(McpClient.firstText(result))
                .contains("billing")
                .contains(FakeSecrets.AWS_ACCESS_KEY_ID)
                .contains(FakeSecrets.AWS_SECRET_ACCESS_KEY)
                .contains(FakeSecrets.GITHUB_TOKEN);
    }

    @Test
    void transferConfirmsPositiveAmounts() {
        JsonObject result = client.callTool("transfer_funds", transfer(250.5));
        assertThat(result.getBoolean("isError")).isFalse();
        assertThat(McpClient.firstText(result)).matches("transfer TX-[0-9A-F]{8} confirmed: 250.5 EUR .*");
    }

    @Test
    void transferRejectsNonPositiveAmountsAsToolError() {
        JsonObject negative = client.callTool("transfer_funds", transfer(-5));
        assertThat(negative.getBoolean("isError")).isTrue();
        assertThat(McpClient.firstText(negative)).contains("positive");

        assertThat(client.callTool("transfer_funds", transfer(0)).getBoolean("isError"))
                .isTrue();
    }

    @Test
    void dropTableIsSimulated() {
        JsonObject result = client.callTool("drop_table", new JsonObject().put("table", "customers"));
        assertThat(result.getBoolean("isError")).isFalse();
        assertThat(McpClient.firstText(result)).isEqualTo("table customers dropped (simulated)");
    }

    @Test
    void slowEchoWaitsThenEchoes() {
        long start = System.nanoTime();
        JsonObject result = client.callTool(
                "slow_echo", new JsonObject().put("text", "ping").put("delay_ms", 300));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(result.getBoolean("isError")).isFalse();
        assertThat(McpClient.firstText(result)).isEqualTo("ping");
        assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
    }

    @Test
    void slowEchoRejectsDelaysOverTheCap() {
        JsonObject result = client.callTool(
                "slow_echo", new JsonObject().put("text", "ping").put("delay_ms", 5001));
        assertThat(result.getBoolean("isError")).isTrue();
    }

    @Test
    void unknownToolIsAJsonRpcError() {
        JsonObject answer = client.rpc(
                "tools/call", new JsonObject().put("name", "no_such_tool").put("arguments", new JsonObject()));
        assertThat(answer.containsKey("result")).isFalse();
        JsonObject error = answer.getJsonObject("error");
        assertThat(error.getInteger("code")).isEqualTo(-32602);
        assertThat(error.getString("message")).contains("no_such_tool");
    }

    @Test
    void readmeResourceCanBeListedAndRead() {
        JsonArray resources =
                client.rpc("resources/list", null).getJsonObject("result").getJsonArray("resources");
        assertThat(resources).hasSize(1);
        assertThat(resources.getJsonObject(0).getString("uri")).isEqualTo("demo://readme");

        JsonObject contents = client.rpc("resources/read", new JsonObject().put("uri", "demo://readme"))
                .getJsonObject("result")
                .getJsonArray("contents")
                .getJsonObject(0);
        assertThat(contents.getString("uri")).isEqualTo("demo://readme");
        assertThat(contents.getString("mimeType")).isEqualTo("text/plain");
        assertThat(contents.getString("text")).contains("SIGIL demo upstream");
    }

    @Test
    void summariseInboxPromptCanBeListedAndRendered() {
        JsonArray prompts =
                client.rpc("prompts/list", null).getJsonObject("result").getJsonArray("prompts");
        assertThat(prompts).hasSize(1);
        assertThat(prompts.getJsonObject(0).getString("name")).isEqualTo("summarise_inbox");

        JsonObject message = client.rpc("prompts/get", new JsonObject().put("name", "summarise_inbox"))
                .getJsonObject("result")
                .getJsonArray("messages")
                .getJsonObject(0);
        assertThat(message.getString("role")).isEqualTo("user");
        assertThat(message.getJsonObject("content").getString("text"))
                .contains("Summarise")
                .contains("DE89 3704 0044 0532 0130 00");
    }

    private static JsonObject transfer(double amount) {
        return new JsonObject()
                .put("from_iban", FakeIban.DOCUMENTATION_EXAMPLE)
                .put("to_iban", FakeIban.COMPUTED)
                .put("amount", amount)
                .put("currency", "EUR");
    }

    private static JsonArray required(JsonObject tool) {
        JsonArray required = tool.getJsonObject("inputSchema").getJsonArray("required");
        return required == null ? new JsonArray() : required;
    }

    private static JsonObject property(JsonObject tool, String name) {
        return tool.getJsonObject("inputSchema").getJsonObject("properties").getJsonObject(name);
    }
}
