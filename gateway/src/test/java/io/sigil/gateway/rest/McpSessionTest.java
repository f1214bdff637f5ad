package io.sigil.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.quarkus.DevStackTestResource;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.sigil.gateway.session.SessionDigest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MCP sessions of the Streamable HTTP transport: issued at initialize, checked, streamed, deleted. */
@QuarkusTest
@QuarkusTestResource(
        value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "GATEWAY"),
        restrictToAnnotatedClass = false)
class McpSessionTest {

    private static final String SESSION = "Mcp-Session-Id";
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}";
    private static String agentHigh;
    private static String agentLow;

    @TestHTTPResource("/mcp")
    URI mcp;

    @BeforeAll
    static void tokens() {
        KeycloakTokens tokens = MeshTestSupport.tokens();
        agentHigh = tokens.clientCredentials("demo-agent-high");
        agentLow = tokens.clientCredentials("demo-agent-low");
    }

    private static RequestSpecification as(String token, String revision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("MCP-Protocol-Version", revision);
    }

    private static String initialize(String token, String revision) {
        return as(token, revision)
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                        + revision + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .header(SESSION);
    }

    @Test
    void initializeIssuesASessionThatOnlyItsCallerCanUseUntilItIsDeleted() {
        String session = initialize(agentHigh, "2025-11-25");
        assertThat(session).matches("[A-Za-z0-9_-]{32}");

        as(agentHigh, "2025-11-25")
                .header(SESSION, session)
                .body(PING)
                .post("/mcp")
                .then()
                .statusCode(200);
        as(agentLow, "2025-11-25")
                .header(SESSION, session)
                .body(PING)
                .post("/mcp")
                .then()
                .statusCode(404)
                .body("error.message", containsString("unknown or ended MCP session"));

        as(agentLow, "2025-11-25")
                .header(SESSION, session)
                .delete("/mcp")
                .then()
                .statusCode(404);
        as(agentHigh, "2025-11-25")
                .header(SESSION, session)
                .delete("/mcp")
                .then()
                .statusCode(204);

        as(agentHigh, "2025-11-25")
                .header(SESSION, session)
                .body(PING)
                .post("/mcp")
                .then()
                .statusCode(404);
        as(agentHigh, "2025-11-25")
                .header(SESSION, session)
                .body("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .post("/mcp")
                .then()
                .statusCode(404);
    }

    @Test
    void openingASessionIsAnAuthorizeSessionEventWithTheCallersTrustAndOnlyTheSessionsDigest() {
        KafkaCompanion kafka = new KafkaCompanion(MeshTestSupport.kafkaBootstrap());
        try (ConsumerTask<String, String> audit = kafka.consumeStrings().fromTopics(SigilTopics.AUDIT_EVENTS)) {
            String session = initialize(agentHigh, "2025-11-25");
            String digest = SessionDigest.of(session);

            ConsumerRecord<String, String> opened = await().atMost(Duration.ofSeconds(15))
                    .until(
                            () -> audit.getRecords().stream()
                                    .filter(r -> r.value().contains(digest))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();

            assertThat(opened.value())
                    .contains("\"class_uid\":3003")
                    .contains("\"type_uid\":300301")
                    // demo-agent-high's token is not sender-constrained, so the binding holds it at Medium
                    .contains("\"privileges\":[\"Medium\"]")
                    .contains("\"activity\":\"mcp/session-opened\"")
                    .doesNotContain(session);
        } finally {
            kafka.close();
        }
    }

    @Test
    void insideASessionARefusedRequestsErrorTravelsWith200NotWith400() {
        String session = initialize(agentHigh, "2025-11-25");
        String nameless = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{}}";

        as(agentHigh, "2025-11-25")
                .header(SESSION, session)
                .body(nameless)
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("error.code", equalTo(-32602));
        as(agentHigh, "2025-11-25").body(nameless).post("/mcp").then().statusCode(400);
    }

    @Test
    void aMadeUpSessionIsUnknownAndNoSessionAtAllIsStillServed() {
        as(agentHigh, "2025-06-18")
                .header(SESSION, "made-up")
                .body(PING)
                .post("/mcp")
                .then()
                .statusCode(404);
        as(agentHigh, "2025-06-18").body(PING).post("/mcp").then().statusCode(200);
    }

    @Test
    void theStatelessRevisionHasNoSessionsNorDelete() {
        given().auth()
                .oauth2(agentHigh)
                .contentType(ContentType.JSON)
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2026-07-28\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "initialize")
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.protocolVersion", equalTo("2026-07-28"))
                .header(SESSION, (String) null);
        as(agentHigh, "2026-07-28").header(SESSION, "x").delete("/mcp").then().statusCode(405);
    }

    @Test
    void theGetStreamStaysOpenUntilItsSessionIsDeleted() throws Exception {
        String session = initialize(agentHigh, "2025-11-25");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest get = HttpRequest.newBuilder(mcp)
                .header("Authorization", "Bearer " + agentHigh)
                .header("Accept", "text/event-stream")
                .header("MCP-Protocol-Version", "2025-11-25")
                .header(SESSION, session)
                .GET()
                .build();
        HttpResponse<InputStream> stream = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        InputStream body = stream.body();
        byte[] first = new byte[64];
        int read = body.read(first);
        assertThat(new String(first, 0, read, StandardCharsets.UTF_8)).startsWith(": stream of session opened");

        assertThat(http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode())
                .as("one stream per session")
                .isEqualTo(409);
        CompletableFuture<byte[]> rest = CompletableFuture.supplyAsync(() -> {
            try {
                return body.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        as(agentHigh, "2025-11-25")
                .header(SESSION, session)
                .delete("/mcp")
                .then()
                .statusCode(204);

        assertThat(rest.get(10, TimeUnit.SECONDS))
                .as("the stream ends with its session")
                .isNotNull();
        HttpRequest noSession = HttpRequest.newBuilder(mcp)
                .header("Authorization", "Bearer " + agentHigh)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        assertThat(http.send(noSession, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(400);
    }
}
