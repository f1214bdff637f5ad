package io.sigil.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sigil.audit.sealing.ChainAppend;
import io.sigil.audit.sealing.ChainHead;
import io.sigil.audit.sealing.EventFacts;
import io.sigil.audit.sealing.PendingRecord;
import io.sigil.audit.store.AuditQuery;
import io.sigil.audit.store.ChainStore;
import io.sigil.audit.store.MerkleNodeStore;
import io.sigil.audit.store.RecordStore;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.model.TrustLevel;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.quarkus.DevStackTestResource;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.sigil.ledger.ChainMac;
import io.sigil.ledger.EvolvingKey;
import io.sigil.ledger.Hex;
import io.sigil.ledger.Merkle;
import io.sigil.ledger.SealedRecord;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
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
    RecordStore records;

    @Inject
    ChainStore chains;

    @Inject
    MerkleNodeStore nodes;

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

    private void produce(AuditEvent... events) throws Exception {
        List<ProducerRecord<String, String>> out = new ArrayList<>();
        for (AuditEvent event : events) {
            out.add(new ProducerRecord<>(SigilTopics.AUDIT_EVENTS, "gateway", mapper.writeValueAsString(event)));
        }
        kafka().produceStrings().fromRecords(out).awaitCompletion(Duration.ofSeconds(10));
    }

    private static AuditEvent event(String actor, String tool, String outcome, int classUid) {
        return new AuditEvent(
                UUID.randomUUID().toString(),
                Instant.parse("2026-11-23T10:00:00Z"),
                classUid,
                "tools/call",
                "gateway",
                actor,
                TrustLevel.HIGH,
                outcome,
                Map.of("tool", tool));
    }

    @Inject
    DataSource dataSource;

    @Test
    void commitsWaitForTheWalFlushEvenWhenTheServerDefaultIsOff() throws Exception {
        // The test stack's PostgreSQL runs with synchronous_commit=off; the audit store's connections must not.
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement();
                ResultSet setting = sql.executeQuery(
                        "select setting, boot_val, source from pg_settings where name = 'synchronous_commit'")) {
            setting.next();
            assertThat(setting.getString(1)).isEqualTo("on");
            assertThat(setting.getString(3)).isEqualTo("session");
        }
    }

    @Test
    void isReadyOnlyWithKafkaAndPostgresUp() {
        MeshTestSupport.assertReadyWithKafkaAndPostgres();
    }

    @Test
    void sealsAnEventFromTheTopicAndServesItToAuditors() throws Exception {
        AuditEvent event = event("client:demo-agent-high", "get_weather", "success", AuditEvent.API_ACTIVITY);

        produce(event);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(auditor)
                .queryParam("audit_id", event.auditId())
                .when()
                .get("/api/audit/events")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].activity", equalTo("tools/call"))
                .body("[0].actor", equalTo("client:demo-agent-high"))
                .body("[0].tool", equalTo("get_weather"))
                .body("[0].well_formed", equalTo(true))
                .body("[0].event_time", equalTo("2026-11-23T10:00:00Z"))
                .body("[0].event.unmapped.audit_id", equalTo(event.auditId()))
                .body("[0].chain", notNullValue())
                .body("[0].mac", notNullValue()));
    }

    @Test
    void sealsAMalformedValueFlaggedInsteadOfLosingIt() {
        String marker = "not-json-" + UUID.randomUUID();

        kafka().produceStrings()
                .fromRecords(new ProducerRecord<>(SigilTopics.AUDIT_EVENTS, "intruder", marker))
                .awaitCompletion(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var newest = records.query(new AuditQuery(null, null, null, null, null, null, null, null, null, 200));
            assertThat(newest)
                    .filteredOn(r -> r.sealed().event().contains(marker))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.facts().wellFormed()).isFalse();
                        assertThat(r.facts().source()).isEqualTo("intruder");
                        assertThat(mapper.readTree(r.sealed().event())
                                        .path("sigil_malformed")
                                        .path("raw")
                                        .asText())
                                .isEqualTo(marker);
                    });
        });
    }

    @Test
    void anEventPostgresCouldNotIndexDoesNotStopTheSealer() throws Exception {
        StringBuilder incompressible = new StringBuilder();
        while (incompressible.length() < 20_000) {
            incompressible.append(UUID.randomUUID());
        }
        String actor = "client:poison\u0000" + incompressible;
        AuditEvent poison = event(actor, "get_weather", "success", AuditEvent.API_ACTIVITY);
        AuditEvent after = event("client:after-poison", "get_weather", "success", AuditEvent.API_ACTIVITY);

        produce(poison, after);

        for (AuditEvent sealed : List.of(poison, after)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                    .oauth2(auditor)
                    .queryParam("audit_id", sealed.auditId())
                    .get("/api/audit/events")
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(1))
                    .body("[0].event.unmapped.actor", equalTo(sealed.actor())));
        }
    }

    @Test
    void filtersAndPagesNewestFirst() throws Exception {
        String actor = "client:pager-" + UUID.randomUUID();
        produce(
                event(actor, "get_weather", "success", AuditEvent.API_ACTIVITY),
                event(actor, "read_email", "denied", AuditEvent.DETECTION_FINDING),
                event(actor, "get_weather", "denied", AuditEvent.API_ACTIVITY),
                event(actor, "get_weather", "success", AuditEvent.API_ACTIVITY),
                event(actor, "drop_table", "denied", AuditEvent.AUTHORIZE_SESSION));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(auditor)
                .queryParam("actor", actor)
                .get("/api/audit/events")
                .then()
                .body("size()", equalTo(5)));

        Response first = given().auth()
                .oauth2(auditor)
                .queryParam("actor", actor)
                .queryParam("limit", 2)
                .get("/api/audit/events");
        first.then().statusCode(200).body("$", hasSize(2)).body("[0].tool", equalTo("drop_table"));
        String cursor = first.header("Sigil-Next-Cursor");
        assertThat(first.header("Link")).contains("rel=\"next\"").contains("cursor=" + cursor);
        Response second = given().auth()
                .oauth2(auditor)
                .queryParam("actor", actor)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/api/audit/events");
        second.then().statusCode(200).body("$", hasSize(2));
        Response third = given().auth()
                .oauth2(auditor)
                .queryParam("actor", actor)
                .queryParam("limit", 2)
                .queryParam("cursor", second.header("Sigil-Next-Cursor"))
                .get("/api/audit/events");
        third.then().statusCode(200).body("$", hasSize(1)).body("[0].tool", equalTo("get_weather"));
        assertThat(third.header("Sigil-Next-Cursor")).isNull();

        given().auth()
                .oauth2(auditor)
                .queryParam("actor", actor)
                .queryParam("tool", "get_weather")
                .queryParam("outcome", "denied")
                .get("/api/audit/events")
                .then()
                .body("$", hasSize(1));
        given().auth()
                .oauth2(auditor)
                .queryParam("actor", actor)
                .queryParam("category", 2)
                .get("/api/audit/events")
                .then()
                .body("$", hasSize(1))
                .body("[0].tool", equalTo("read_email"));
        given().auth()
                .oauth2(auditor)
                .queryParam("actor", actor)
                .queryParam("class_uid", 3003)
                .get("/api/audit/events")
                .then()
                .body("$", hasSize(1));
        given().auth()
                .oauth2(auditor)
                .queryParam("actor", actor)
                .queryParam("from", "2026-11-23T10:00:01Z")
                .get("/api/audit/events")
                .then()
                .body("$", hasSize(0));

        String ndjson = given().auth()
                .oauth2(auditor)
                .queryParam("actor", actor)
                .get("/api/audit/events/export")
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .extract()
                .asString();
        List<String> lines = ndjson.lines().toList();
        assertThat(lines).hasSize(5);
        for (String line : lines) {
            assertThat(mapper.readTree(line).path("actor").asText()).isEqualTo(actor);
        }
    }

    @Test
    void refusesAMalformedFilterWithAClearError() {
        given().auth()
                .oauth2(auditor)
                .queryParam("from", "yesterday")
                .get("/api/audit/events")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_filter"));
        given().auth()
                .oauth2(auditor)
                .queryParam("category", "six")
                .get("/api/audit/events")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_filter"));
    }

    @Test
    void verifiesTheChainsAndProvesARecordIsInTheSignedTree() throws Exception {
        AuditEvent event = event("client:prover", "get_weather", "success", AuditEvent.API_ACTIVITY);
        produce(event);
        Response stored = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().auth()
                                .oauth2(auditor)
                                .queryParam("audit_id", event.auditId())
                                .get("/api/audit/events"),
                        r -> r.jsonPath().getList("$").size() == 1);
        String chain = stored.jsonPath().getString("[0].chain");
        long seq = stored.jsonPath().getLong("[0].seq");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(auditor)
                .queryParam("chain", chain)
                .queryParam("seq", seq)
                .get("/api/audit/ledger/proof")
                .then()
                .statusCode(200)
                .body("verified", equalTo(true))
                .body("checkpoint.chain", equalTo(chain)));

        given().auth()
                .oauth2(auditor)
                .get("/api/audit/ledger/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true));
        given().auth()
                .oauth2(auditor)
                .get("/api/audit/ledger/public-key")
                .then()
                .statusCode(200)
                .body("kty", equalTo("OKP"))
                .body("crv", equalTo("Ed25519"))
                .body("development_key", equalTo(true));
        given().auth()
                .oauth2(auditor)
                .queryParam("chain", chain)
                .queryParam("seq", "x")
                .get("/api/audit/ledger/proof")
                .then()
                .statusCode(400);
    }

    @Test
    void inclusionProofsComeFromStoredSubtreeRootsAndEqualTheProofOverEveryMac() throws Exception {
        // Given more than four blocks of 256 records on one chain (one key: one partition)
        AuditEvent[] events = new AuditEvent[1100];
        for (int i = 0; i < events.length; i++) {
            events[i] = event("client:many", "get_weather", "success", AuditEvent.API_ACTIVITY);
        }
        produce(events);
        AuditEvent last = events[events.length - 1];
        Response stored = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().auth()
                                .oauth2(auditor)
                                .queryParam("audit_id", last.auditId())
                                .get("/api/audit/events"),
                        r -> r.jsonPath().getList("$").size() == 1);
        String chain = stored.jsonPath().getString("[0].chain");
        long lastSeq = stored.jsonPath().getLong("[0].seq");
        long seq = lastSeq - 700;

        // When the proof of an early record is asked once a checkpoint covers the last one
        Response proof = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().auth()
                                .oauth2(auditor)
                                .queryParam("chain", chain)
                                .queryParam("seq", seq)
                                .get("/api/audit/ledger/proof"),
                        r -> r.statusCode() == 200 && r.jsonPath().getLong("tree_size") > lastSeq);

        // Then it verifies, and is exactly RFC 6962's path over every mac up to the checkpoint
        long treeSize = proof.jsonPath().getLong("tree_size");
        List<byte[]> leaves = chains.macs(chain).stream()
                .limit(treeSize)
                .map(Merkle::leafHash)
                .toList();
        List<String> expected = Merkle.inclusionProof((int) seq, leaves).stream()
                .map(Hex::encode)
                .toList();
        assertThat(proof.jsonPath().getBoolean("verified")).isTrue();
        assertThat(proof.jsonPath().getList("proof", String.class)).containsExactlyElementsOf(expected);
        assertThat(proof.jsonPath().getString("root")).isEqualTo(Hex.encode(Merkle.root(leaves)));
        // And the sealer stored every completed subtree root of 256 records and more, in the records' transactions
        long size = chains.heads().values().stream()
                        .filter(h -> h.chain().equals(chain))
                        .findFirst()
                        .orElseThrow()
                        .headSeq()
                + 1;
        assertThat(nodes.count(chain)).isEqualTo(MerkleNodeStore.expectedCount(size));
    }

    @Test
    void aSecondSealerCannotForkAChain() throws Exception {
        produce(event("client:fork", "get_weather", "success", AuditEvent.API_ACTIVITY));
        await().atMost(Duration.ofSeconds(20)).until(() -> !chains.heads().isEmpty());
        ChainHead head = chains.heads().values().iterator().next();
        ChainHead stale = new ChainHead(head.chain(), head.partition(), 0, -1, ChainMac.GENESIS_PREV_MAC);
        SealedRecord forged = SealedRecord.seal(
                EvolvingKey.genesis(new byte[32], 0),
                head.chain(),
                0,
                0,
                Instant.now(),
                "{}",
                ChainMac.GENESIS_PREV_MAC);
        ChainAppend fork = new ChainAppend(
                stale,
                stale.advance(0, 0, forged.mac()),
                List.of(new PendingRecord(forged, EventFacts.malformed("x"))));

        assertThatThrownBy(() -> chains.append(List.of(fork), null)).isInstanceOf(java.sql.SQLException.class);
        assertThat(chains.heads().get(head.partition()).headSeq()).isGreaterThanOrEqualTo(head.headSeq());
    }

    @Test
    void refusesAnonymousCallersAndAgents() {
        given().when().get("/api/audit/events").then().statusCode(401);
        given().auth().oauth2(agent).when().get("/api/audit/events").then().statusCode(403);
        given().auth()
                .oauth2(agent)
                .when()
                .get("/api/audit/ledger/verify")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(agent)
                .when()
                .get("/api/audit/ledger/export")
                .then()
                .statusCode(403);
    }
}
