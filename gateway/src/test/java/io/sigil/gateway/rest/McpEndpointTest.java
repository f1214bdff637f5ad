package io.sigil.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.quarkus.DevStackTestResource;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.sigil.gateway.stages.AdmissionAuditStage;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "GATEWAY"),
        restrictToAnnotatedClass = false)
class McpEndpointTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static String agentHigh;
    private static String agentLow;
    private static String auditorUser;
    private static String otherAudience;

    @BeforeAll
    static void tokens() {
        KeycloakTokens tokens = MeshTestSupport.tokens();
        agentHigh = tokens.clientCredentials("demo-agent-high");
        agentLow = tokens.clientCredentials("demo-agent-low");
        auditorUser = tokens.password("otto");
        otherAudience = tokens.clientCredentials("sigil-soc");
    }

    private static Response post(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/mcp");
    }

    @Test
    void isReadyOnlyWithKafkaAndPostgresUp() {
        MeshTestSupport.assertReadyWithKafkaAndPostgres();
    }

    @Test
    void refusesACallerWithoutAToken() {
        given().contentType(ContentType.JSON)
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                .when()
                .post("/mcp")
                .then()
                .statusCode(401);
    }

    @Test
    void refusesAVerifiedCallerWithoutTheAgentRole() {
        post(auditorUser, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                .then()
                .statusCode(403);
    }

    @Test
    void refusesATokenMintedForAnotherAudience() {
        post(otherAudience, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                .then()
                .statusCode(401);
    }

    @Test
    void answersInitializeItselfWithTheEnvelopeItDerived() {
        post(
                        agentHigh,
                        "{\"jsonrpc\":\"2.0\",\"id\":\"init-1\",\"method\":\"initialize\",\"params\":{"
                                + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                                + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}")
                .then()
                .statusCode(200)
                .body("id", equalTo("init-1"))
                .body("result.protocolVersion", equalTo("2025-11-25"))
                .body("result.serverInfo.name", equalTo("sigil-gateway"))
                .body("result._meta.'io.sigil/envelope'.identity", equalTo("client:demo-agent-high"))
                .body("result._meta.'io.sigil/envelope'.trust_level", equalTo("Medium"))
                .body("result._meta.'io.sigil/envelope'.audit_id", matchesPattern(UUID));
    }

    @Test
    void neverTakesAClientsEnvelopeAsAClaim() {
        post(
                        agentLow,
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\","
                                + "\"params\":{\"_meta\":{\"io.sigil/envelope\":{\"trust_level\":\"High\"}}},"
                                + "\"_sigil\":{\"trust_level\":\"High\",\"identity\":\"eidas:DE/1\"}}")
                .then()
                .statusCode(200)
                .body("result._meta.'io.sigil/envelope'.trust_level", equalTo("Low"))
                .body("result._meta.'io.sigil/envelope'.identity", equalTo("client:demo-agent-low"))
                .body("_sigil", nullValue());
    }

    @Test
    void answersMalformedJsonWithAParseError() {
        post(agentHigh, "{\"jsonrpc\":\"2.0\",\"id\":1,").then().statusCode(400).body("error.code", equalTo(-32700));
    }

    @Test
    void refusesABrowserOriginItDoesNotKnow() {
        given().auth()
                .oauth2(agentHigh)
                .contentType(ContentType.JSON)
                .header("Origin", "http://attacker.example")
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                .when()
                .post("/mcp")
                .then()
                .statusCode(403)
                .body("error.code", equalTo(-32003));
        given().auth()
                .oauth2(agentHigh)
                .contentType(ContentType.JSON)
                .header("Origin", "http://127.0.0.1:6274")
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                .when()
                .post("/mcp")
                .then()
                .statusCode(200);
    }

    @Test
    void refusesStatelessRequestsWhoseHeadersDisagreeWithTheBody() {
        given().auth()
                .oauth2(agentHigh)
                .contentType(ContentType.JSON)
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "get_weather")
                .body("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"drop_table\",\"arguments\":{\"table\":\"users\"}}}")
                .when()
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32020));
    }

    @Test
    void refusesBatches() {
        post(agentHigh, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32600))
                .body("error.message", containsString("batches"));
    }

    @Test
    void refusesJsonNestedDeeperThanTheLimit() {
        String deep = "[".repeat(200) + "]".repeat(200);
        post(agentHigh, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":" + deep + "}}")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32700))
                .body("error.message", containsString("nested deeper"));
    }

    @Test
    void refusesBodiesOverTheSizeLimitWith413() {
        String big = "a".repeat(1_100_000);
        post(agentHigh, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\"" + big + "\"}}")
                .then()
                .statusCode(413);
    }

    @Test
    void refusesInvalidJsonRpcWithTheSpecifiedCode() {
        post(agentHigh, "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32600))
                .body("error.data.'io.sigil/envelope'.audit_id", matchesPattern(UUID));
    }

    @Test
    void reportsAnUnreachableUpstreamAndAuditsTheFailure() {
        // Given the test profile points the upstream at a closed port
        // When
        String auditId = post(
                        agentHigh,
                        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\","
                                + "\"params\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Bonn\"}}}")
                .then()
                .statusCode(502)
                .body("error.code", equalTo(-32004))
                .extract()
                .path("error.data.'io.sigil/envelope'.audit_id");

        // Then the audit topic holds the failure (next to the call's admission record)
        KafkaCompanion kafka = new KafkaCompanion(MeshTestSupport.kafkaBootstrap());
        try (ConsumerTask<String, String> audit = kafka.consumeStrings().fromTopics(SigilTopics.AUDIT_EVENTS)) {
            ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(15))
                    .until(() -> find(audit, auditId), java.util.Optional::isPresent)
                    .orElseThrow();
            assertThat(event.key()).isEqualTo("gateway");
            assertThat(event.value()).contains("\"outcome\":\"failure\"").contains("\"error_code\":-32004");
        }
    }

    private static java.util.Optional<ConsumerRecord<String, String>> find(
            ConsumerTask<String, String> records, String auditId) {
        return records.getRecords().stream()
                .filter(r -> r.value().contains(auditId) && !r.value().contains(AdmissionAuditStage.ACTIVITY))
                .findFirst();
    }
}
