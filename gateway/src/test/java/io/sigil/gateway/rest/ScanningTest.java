package io.sigil.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sigil.core.model.VaultEntry;
import io.sigil.core.topics.SigilTopics;
import io.sigil.core.vault.EntryOpener;
import io.sigil.core.vault.X25519Keys;
import io.sigil.devstack.quarkus.DevStackTestResource;
import io.sigil.devstack.quarkus.LogCapture;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.sigil.gateway.stages.AdmissionAuditStage;
import io.sigil.gateway.testing.FakeUpstream;
import io.sigil.gateway.testing.FakeUpstreamProfile;
import io.sigil.gateway.testing.FakeUpstreamResource;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Scanning end to end: a secret in a tool's arguments never reaches the upstream, a secret in its answer never
 * reaches the agent, both are replaced by the protocol's pointer, sealed in the vault topic, named by vault id in
 * the envelope, and the audit event
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
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void secretsAreReplacedInBothDirectionsVaultedAndAuditedWithoutTheirValues() throws Exception {
        // Given a tool that answers with a fake IBAN
        FakeUpstream upstream = FakeUpstreamResource.upstream();
        String tool = "wire_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        upstream.tool(tool, "Wires money");
        upstream.answer(tool, "Done. The money went to " + ANSWER_IBAN + ".");
        String agent = MeshTestSupport.tokens().clientCredentials("demo-agent-medium");
        KafkaCompanion kafka = new KafkaCompanion(MeshTestSupport.kafkaBootstrap());
        // Every log line the gateway writes meanwhile, at any level, to check that none holds a finding
        LogCapture log = LogCapture.of("");
        List<String> logged = log.lines();
        try (ConsumerTask<String, String> audit = kafka.consumeStrings().fromTopics(SigilTopics.AUDIT_EVENTS);
                ConsumerTask<String, String> vault = kafka.consumeStrings().fromTopics(SigilTopics.VAULT_ENTRIES)) {
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
            List<String> vaultIds = answer.getList(ENVELOPE + ".interceptions.vault_id");
            assertThat(vaultIds).hasSize(2).allSatisfy(id -> assertThat(UUID.fromString(id))
                    .isNotNull());

            // And each pointer's text was sealed in the vault topic, acknowledged before the answer left, and opens
            // with the vault's (development) private key to exactly what it replaced
            EntryOpener opener = new EntryOpener(Map.of(1, X25519Keys.developmentPrivateKey()));
            List<String> opened = new ArrayList<>();
            for (String id : vaultIds) {
                ConsumerRecord<String, String> sealed = await().atMost(Duration.ofSeconds(15))
                        .until(
                                () -> vault.getRecords().stream()
                                        .filter(r -> id.equals(r.key()))
                                        .findFirst(),
                                Optional::isPresent)
                        .orElseThrow();
                assertThat(sealed.value()).doesNotContain(ARGUMENT_IBAN).doesNotContain(ANSWER_IBAN);
                VaultEntry entry = MAPPER.readValue(sealed.value(), VaultEntry.class);
                opened.add(new String(
                        opener.open(id, entry.tenant(), entry.keyVersion(), entry.ciphertext()),
                        StandardCharsets.UTF_8));
            }
            assertThat(opened).containsExactlyInAnyOrder(ARGUMENT_IBAN, ANSWER_IBAN);

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
                    .contains(vaultIds.get(0))
                    .contains(vaultIds.get(1))
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
            // And no log line of the gateway's holds either value
            assertThat(logged)
                    .isNotEmpty()
                    .noneMatch(line -> line.contains(ARGUMENT_IBAN) || line.contains(ANSWER_IBAN));
        } finally {
            log.close();
            kafka.close();
        }
    }
}
