package io.sigil.gateway.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.quarkus.DevStackTestResource;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.sigil.gateway.testing.FakeUpstream;
import io.sigil.gateway.testing.FakeUpstreamProfile;
import io.sigil.gateway.testing.FakeUpstreamResource;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Signed scanner packs end to end, on the test devstack's real broker: a pack signed by a key the gateway does not
 * trust is rejected and audited, and changes nothing; the same pack signed with the registry's (development) key is
 * swapped in while the gateway serves, and from then on a made-up ZQX token in a tool's arguments reaches the
 * upstream only as the vault pointer.
 */
@QuarkusTest
@TestProfile(FakeUpstreamProfile.class)
@QuarkusTestResource(
        value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "GATEWAY"),
        restrictToAnnotatedClass = false)
class SignedPackLoadingTest {

    private static final String TRUSTED_ID = "test-gateway-zqx";
    private static final String FOREIGN_ID = "test-gateway-zqx-foreign";
    private static final String POINTER = "[SIGIL-VAULT: ZQX Test Token — Access Required]";
    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    @Test
    void onlyAPackSignedWithTheTrustedKeyIsSwappedIn() {
        FakeUpstream upstream = FakeUpstreamResource.upstream();
        String tool = "note_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        upstream.tool(tool, "Keeps a note");
        String agent = MeshTestSupport.tokens().clientCredentials("demo-agent-medium");
        String token = SignedPacks.token();
        KafkaCompanion kafka = new KafkaCompanion(MeshTestSupport.kafkaBootstrap());
        try (ConsumerTask<String, String> audit = kafka.consumeStrings().fromTopics(SigilTopics.AUDIT_EVENTS)) {
            // Given no test pack left active by an earlier run, and a gateway that passes the made-up token
            withdraw(kafka);
            call(agent, "l", "{\"method\":\"tools/list\"}");
            await().atMost(ARRIVAL).pollInterval(Duration.ofMillis(250)).until(() -> sent(agent, upstream, tool, token)
                    .equals("to " + token));

            // When a pack for the token arrives signed by a key the gateway does not trust
            SignedPacks foreign = SignedPacks.random();
            publish(
                    kafka,
                    FOREIGN_ID,
                    foreign.record(FOREIGN_ID, "1.0.0", SignedPacks.zqxDefinition(FOREIGN_ID, "test-zqx-foreign")));

            // Then it is rejected, audited by its key, and the token still passes
            await().atMost(ARRIVAL).until(() -> audit.getRecords().stream()
                    .anyMatch(r -> r.value().contains(PackEvents.REJECTED)
                            && r.value().contains(FOREIGN_ID)
                            && r.value().contains(foreign.keyId())));
            assertThat(sent(agent, upstream, tool, token)).isEqualTo("to " + token);

            // When the pack arrives signed with the registry's key
            SignedPacks registry = SignedPacks.development();
            publish(
                    kafka,
                    TRUSTED_ID,
                    registry.record(TRUSTED_ID, "1.0.0", SignedPacks.zqxDefinition(TRUSTED_ID, "test-zqx-trusted")));

            // Then it is swapped in while the gateway serves: the upstream gets the pointer, never the token
            await().atMost(ARRIVAL).pollInterval(Duration.ofMillis(250)).until(() -> sent(agent, upstream, tool, token)
                    .equals("to " + POINTER));
            assertThat(upstream.lastArguments(tool).toString()).doesNotContain(token);
            await().atMost(ARRIVAL).until(() -> audit.getRecords().stream()
                    .anyMatch(r -> r.value().contains(PackEvents.LOADED)
                            && r.value().contains(TRUSTED_ID)
                            && !r.value().contains(token)));
        } finally {
            withdraw(kafka);
            kafka.close();
        }
    }

    /** Calls the tool with the token as its argument and says what the upstream received. */
    private static String sent(String agent, FakeUpstream upstream, String tool, String token) {
        call(
                agent,
                "c",
                "{\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":{\"city\":\"to " + token
                        + "\"}}}");
        return upstream.lastArguments(tool).path("city").asText();
    }

    private static void call(String agent, String id, String request) {
        given().auth()
                .oauth2(agent)
                .contentType(ContentType.JSON)
                .body("{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\"," + request.substring(1))
                .post("/mcp")
                .then()
                .statusCode(200);
    }

    private static void publish(KafkaCompanion kafka, String key, String value) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(SigilTopics.SCANNERS, key, value))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    /** Tombstones for both test packs, so that no other test's gateway keeps them. */
    private static void withdraw(KafkaCompanion kafka) {
        publish(kafka, TRUSTED_ID, null);
        publish(kafka, FOREIGN_ID, null);
    }
}
