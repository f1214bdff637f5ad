package io.sigil.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay against real PostgreSQL and Kafka: what is committed but not yet acknowledged by the broker
 * (a crash between commit and publication, or an outage) is published by the relay on its own.
 */
@QuarkusTest
class PublicationRecoveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static KafkaCompanion kafka;

    @Inject
    Pool pool;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(MeshTestSupport.kafkaBootstrap());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aCommittedChangeThatWasNeverPublishedIsPublishedByTheRelay() {
        // Given an agent committed at version 3, revoked, that no one published (as if the process died after commit)
        String did = "did:sigil:test-" + UUID.randomUUID();
        pool.preparedQuery("insert into agent (did, client_id, owner, allowed_upstreams, max_trust_level, status,"
                        + " version) values ($1, $2, 'team-ops', '{demo}', 'LOW', 'revoked', 3)")
                .execute(Tuple.of(did, "client-" + UUID.randomUUID()))
                .await()
                .atMost(PATIENCE);

        // When the relay runs (every 500 ms)
        // Then the revocation reaches the identities topic, and the row is marked published at version 3
        JsonPath published = JsonPath.from(TopicRecords.await(kafka, SigilTopics.IDENTITIES, did, json -> true)
                .value());
        assertThat(published.getString("status")).isEqualTo("revoked");
        assertThat(published.getLong("version")).isEqualTo(3);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(publishedVersion(did)).isEqualTo(3));
    }

    @Test
    void aPendingAuditEventIsDeliveredAndLeavesTheOutbox() {
        // Given an audit event left in the outbox, in the plain form of an earlier release
        String marker = UUID.randomUUID().toString();
        pool.preparedQuery("insert into audit_outbox (event) values (cast($1 as text)::jsonb) returning id")
                .execute(Tuple.of("{\"audit_id\":\"" + marker + "\",\"time\":\"2026-01-01T00:00:00Z\","
                        + "\"class_uid\":3004,\"activity\":\"agents/register\",\"source\":\"identity-service\","
                        + "\"actor\":\"test\",\"outcome\":\"success\",\"attributes\":{}}"))
                .await()
                .atMost(PATIENCE);

        // When the relay runs
        // Then the event reaches the audit topic, as OCSF, and the outbox no longer holds it
        TopicRecords.await(
                kafka,
                SigilTopics.AUDIT_EVENTS,
                null,
                json -> marker.equals(json.getString("unmapped.audit_id"))
                        && json.getInt("type_uid") == 300401
                        && "agents/register".equals(json.getString("unmapped.activity")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        pool.preparedQuery("select count(*) as n from audit_outbox where event ->> 'audit_id' = $1")
                                .execute(Tuple.of(marker))
                                .await()
                                .atMost(PATIENCE)
                                .iterator()
                                .next()
                                .getLong("n"))
                .isZero());
    }

    @Test
    void theDemoAgentsAreSeededAndPublished() {
        // Given the test profile asks for the demo seed
        // When the service has started
        // Then every demo agent is registered as its client, and published
        for (String client : List.of(
                "demo-agent-low",
                "demo-agent-medium",
                "demo-agent-high",
                "demo-agent-short-lived",
                "demo-agent-signed",
                "sigil-cli")) {
            String did = "did:sigil:" + client;
            JsonPath published = JsonPath.from(TopicRecords.await(kafka, SigilTopics.IDENTITIES, did, json -> true)
                    .value());
            assertThat(published.getString("client_id")).isEqualTo(client);
            assertThat(published.getString("owner")).isEqualTo("sigil-demo");
            assertThat(published.getList("allowed_upstreams")).containsExactly("demo");
        }
    }

    private long publishedVersion(String did) {
        return pool.preparedQuery("select published_version from agent where did = $1")
                .execute(Tuple.of(did))
                .await()
                .atMost(PATIENCE)
                .iterator()
                .next()
                .getLong("published_version");
    }
}
