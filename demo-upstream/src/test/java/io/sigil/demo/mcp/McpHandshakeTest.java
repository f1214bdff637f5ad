package io.sigil.demo.mcp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Streamable HTTP wire behaviour of the extension, as the gateway will see it. */
@QuarkusTest
class McpHandshakeTest {

    @Test
    void initializeAnswersPlainJsonWithASessionId() {
        Response response = McpClient.initialize(McpClient.PROTOCOL_VERSION);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header(McpClient.SESSION_HEADER)).isNotBlank();
        JsonObject result = McpClient.body(response).getJsonObject("result");
        assertThat(result.getString("protocolVersion")).isEqualTo("2025-06-18");
        assertThat(result.getJsonObject("serverInfo").getString("name")).isEqualTo("sigil-demo-upstream");
        assertThat(result.getJsonObject("capabilities").fieldNames()).contains("tools", "resources", "prompts");
    }

    @Test
    void initializedNotificationIsAccepted() {
        Response init = McpClient.initialize(McpClient.PROTOCOL_VERSION);
        String session = init.header(McpClient.SESSION_HEADER);

        Response initialized = McpClient.send(session, McpClient.notification("notifications/initialized"));

        assertThat(initialized.statusCode()).isEqualTo(202);
        assertThat(initialized.asString()).isEmpty();
    }

    /** The extension is lenient: requests between initialize and notifications/initialized are served. */
    @Test
    void requestsBeforeInitializedNotificationAreServed() {
        Response init = McpClient.initialize(McpClient.PROTOCOL_VERSION);
        String session = init.header(McpClient.SESSION_HEADER);

        Response list = McpClient.send(session, McpClient.request(2, "tools/list", null));

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(McpClient.body(list).getJsonObject("result").getJsonArray("tools"))
                .hasSize(6);
    }

    /** Once in operation, a repeated notifications/initialized is not 202 but a JSON-RPC error (id null). */
    @Test
    void repeatedInitializedNotificationIsAnError() {
        McpClient client = McpClient.connect();
        Response again = client.post(McpClient.notification("notifications/initialized"));
        assertThat(again.statusCode()).isEqualTo(200);
        JsonObject body = McpClient.body(again);
        assertThat(body.getValue("id")).isNull();
        assertThat(body.getJsonObject("error").getInteger("code")).isEqualTo(-32601);
    }

    /** Supported versions are echoed; anything else gets the newest supported version, 2025-11-25. */
    @ParameterizedTest
    @CsvSource({
        "2025-11-25, 2025-11-25",
        "2025-06-18, 2025-06-18",
        "2025-03-26, 2025-03-26",
        "2024-11-05, 2024-11-05",
        "2026-07-28, 2025-11-25",
        "1999-01-01, 2025-11-25"
    })
    void negotiatesProtocolVersion(String requested, String answered) {
        Response response = McpClient.initialize(requested);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(McpClient.body(response).getJsonObject("result").getString("protocolVersion"))
                .isEqualTo(answered);
    }

    @Test
    void requestWithoutSessionHeaderStartsANewUninitialisedSession() {
        McpClient.connect();
        Response response = McpClient.send(null, McpClient.request(2, "tools/list", null));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject error = McpClient.body(response).getJsonObject("error");
        assertThat(error.getInteger("code")).isEqualTo(-32601);
        assertThat(error.getString("message")).contains("initialize");
    }

    @Test
    void unknownSessionIs404() {
        Response response = McpClient.send("no-such-session", McpClient.request(2, "tools/list", null));
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void deletedSessionIsGone() {
        McpClient client = McpClient.connect();
        given().header(McpClient.SESSION_HEADER, client.sessionId())
                .delete(McpClient.PATH)
                .then()
                .statusCode(200);
        assertThat(client.post(McpClient.request(2, "tools/list", null)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void acceptMustListJsonAndEventStream() {
        McpClient client = McpClient.connect();
        given().contentType("application/json")
                .accept("application/json")
                .header(McpClient.SESSION_HEADER, client.sessionId())
                .body(McpClient.request(2, "tools/list", null).encode())
                .post(McpClient.PATH)
                .then()
                .statusCode(400);
    }

    @Test
    void protocolVersionHeaderMustBeSupported() {
        McpClient client = McpClient.connect();
        String body = McpClient.request(2, "tools/list", null).encode();
        given().contentType("application/json")
                .accept(McpClient.ACCEPT)
                .header(McpClient.SESSION_HEADER, client.sessionId())
                .header("Mcp-Protocol-Version", "2025-06-18")
                .body(body)
                .post(McpClient.PATH)
                .then()
                .statusCode(200);
        given().contentType("application/json")
                .accept(McpClient.ACCEPT)
                .header(McpClient.SESSION_HEADER, client.sessionId())
                .header("Mcp-Protocol-Version", "2026-07-28")
                .body(body)
                .post(McpClient.PATH)
                .then()
                .statusCode(400);
    }

    @Test
    void unknownMethodIsAJsonRpcError() {
        JsonObject answer = McpClient.connect().rpc("foo/bar", null);
        assertThat(answer.getJsonObject("error").getInteger("code")).isEqualTo(-32601);
    }

    @Test
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
