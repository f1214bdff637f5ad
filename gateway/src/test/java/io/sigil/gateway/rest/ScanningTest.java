package io.sigil.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.quarkus.DevStackTestResource;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.sigil.gateway.stages.AdmissionAuditStage;
import io.sigil.gateway.testing.FakeUpstream;
import io.sigil.gateway.testing.FakeUpstreamProfile;
import io.sigil.gateway.testing.FakeUpstreamResource;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Scanning end to end: a secret in a tool's arguments never reaches the upstream, a secret in its answer never
 * reaches the agent, both are replaced by the protocol's pointer, named in the envelope, and the audit event
 * (acknowledged before the answer leaves) records where, never what. Fake values only.
 */
@QuarkusTest
@TestProfile(FakeUpstreamProfile.class)
@QuarkusTestResource(
        value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "GATEWAY"),
        restrictToAnnotatedClass = false)
class ScanningTest {

    private static final String ENVELOPE = "result._meta.'io.sigil/envelope'";
    private static final String ARGUMENT_IBAN = "FR1420041010050500013M02606";
    private static final String ANSWER_IBAN = "DE44500105175407324931";
    private static final String POINTER = "[SIGIL-VAULT: ";

    @Test
    void secretsAreReplacedInBothDirectionsAndAuditedWithoutTheirValues() {
        // Given a tool that answers with a fake IBAN
        FakeUpstream upstream = FakeUpstreamResource.upstream();
        String tool = "wire_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        upstream.tool(tool, "Wires money");
        upstream.answer(tool, "Done. The money went to " + ANSWER_IBAN + ".");
        String agent = MeshTestSupport.tokens().clientCredentials("demo-agent-medium");
        KafkaCompanion kafka = new KafkaCompanion(MeshTestSupport.kafkaBootstrap());
        try (ConsumerTask<String, String> audit = kafka.consumeStrings().fromTopics(SigilTopics.AUDIT_EVENTS)) {
            given().auth()
                    .oauth2(agent)
                    .contentType(ContentType.JSON)
                    .body("{\"jsonrpc\":\"2.0\",\"id\":\"l\",\"method\":\"tools/list\"}")
                    .post("/mcp")
                    .then()
                    .statusCode(200);

            // When the agent passes another fake IBAN as an argument
            JsonPath answer = given().auth()
                    .oauth2(agent)
                    .contentType(ContentType.JSON)
                    .body("{\"jsonrpc\":\"2.0\",\"id\":\"c\",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                            + "\",\"arguments\":{\"city\":\"to " + ARGUMENT_IBAN + "\"}}}")
                    .post("/mcp")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();

            // Then the upstream got the pointer, the agent got the pointer, and the envelope names both
            assertThat(upstream.lastArguments(tool).path("city").asText())
                    .doesNotContain(ARGUMENT_IBAN)
                    .startsWith("to " + POINTER);
            assertThat(answer.getString("result.content[0].text"))
                    .doesNotContain(ANSWER_IBAN)
                    .startsWith("Done. The money went to " + POINTER);
            assertThat(answer.getBoolean(ENVELOPE + ".scanned")).isTrue();
            assertThat(answer.getList(ENVELOPE + ".interceptions.direction"))
                    .containsExactlyInAnyOrder("request", "response");
            String auditId = answer.getString(ENVELOPE + ".audit_id");

            // And the call's audit event says where, never what
            ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(15))
                    .until(
                            () -> audit.getRecords().stream()
                                    .filter(r -> r.value().contains(auditId)
                                            && r.value().contains("\"intercepted\"")
                                            && !r.value().contains(AdmissionAuditStage.ACTIVITY))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            assertThat(event.value())
                    .contains("/params/arguments/city")
                    .contains("/result/content/0/text")
                    .doesNotContain(ARGUMENT_IBAN)
                    .doesNotContain(ANSWER_IBAN);
            // And a Detection Finding under the same audit id, for the SOC's alerting
            ConsumerRecord<String, String> finding = await().atMost(Duration.ofSeconds(15))
                    .until(
                            () -> audit.getRecords().stream()
                                    .filter(r -> r.value().contains(auditId)
                                            && r.value().contains("\"class_uid\":2004"))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            assertThat(finding.value())
                    .contains("\"activity\":\"mcp/interception\"")
                    .contains("\"action\":\"Modified\"")
                    .doesNotContain(ARGUMENT_IBAN)
                    .doesNotContain(ANSWER_IBAN);
        } finally {
            kafka.close();
        }
    }
}
