package io.sigil.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.sigil.audit.persistence.AuditRecord;
import io.sigil.audit.persistence.AuditRecordRepository;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.model.TrustLevel;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.quarkus.DevStackTestResource;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "AUDIT"),
        restrictToAnnotatedClass = false)
class AuditTrailTest {

    private static String auditor;
    private static String agent;

    @Inject
    AuditRecordRepository repository;

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void tokens() {
        KeycloakTokens tokens = MeshTestSupport.tokens();
        auditor = tokens.clientCredentials("sigil-soc");
        agent = tokens.clientCredentials("demo-agent-low");
    }

    private static KafkaCompanion kafka() {
        return new KafkaCompanion(MeshTestSupport.kafkaBootstrap());
    }

    @Test
    void isReadyOnlyWithKafkaAndPostgresUp() {
        MeshTestSupport.assertReadyWithKafkaAndPostgres();
    }

    @Test
    void storesAnEventFromTheTopicAndServesItToAuditors() throws Exception {
        // Given
        String auditId = UUID.randomUUID().toString();
        AuditEvent event = new AuditEvent(
                auditId,
                Instant.parse("2026-11-23T10:00:00Z"),
                AuditEvent.API_ACTIVITY,
                "tools/call",
                "gateway",
                "client:demo-agent-high",
                TrustLevel.HIGH,
                "success",
                Map.of("tool", "get_weather"));

        // When
        kafka().produceStrings()
                .fromRecords(
                        new ProducerRecord<>(SigilTopics.AUDIT_EVENTS, "gateway", mapper.writeValueAsString(event)))
                .awaitCompletion(Duration.ofSeconds(10));

        // Then
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(auditor)
                .queryParam("audit_id", auditId)
                .when()
                .get("/api/audit/events")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].activity", equalTo("tools/call"))
                .body("[0].actor", equalTo("client:demo-agent-high"))
                .body("[0].well_formed", equalTo(true))
                .body("[0].event_time", equalTo("2026-11-23T10:00:00Z")));
    }

    @Test
    void keepsAMalformedEventFlaggedInsteadOfLosingIt() {
        String marker = "not-json-" + UUID.randomUUID();

        kafka().produceStrings()
                .fromRecords(new ProducerRecord<>(SigilTopics.AUDIT_EVENTS, "intruder", marker))
                .awaitCompletion(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<AuditRecord> newest = repository.find(null, 200).await().atMost(Duration.ofSeconds(5));
            assertThat(newest)
                    .filteredOn(r -> r.event().equals(marker))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.wellFormed()).isFalse();
                        assertThat(r.source()).isEqualTo("intruder");
                    });
        });
    }

    @Test
    void storesATopicPositionOnlyOnce() {
        int partition = 900 + (int) (Math.random() * 1000);
        AuditRecord record = new AuditRecord(
                0,
                partition,
                42L,
                "dup-" + UUID.randomUUID(),
                "gateway",
                6003,
                "tools/call",
                null,
                "success",
                Instant.now(),
                "{}",
                true,
                null);

        Boolean first = repository.insert(record).await().atMost(Duration.ofSeconds(5));
        Boolean second = repository.insert(record).await().atMost(Duration.ofSeconds(5));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Test
    void refusesAnonymousCallersAndAgents() {
        given().when().get("/api/audit/events").then().statusCode(401);
        given().auth().oauth2(agent).when().get("/api/audit/events").then().statusCode(403);
    }
}
