package io.sigil.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Suspension, reactivation, revocation and patches against real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
class AgentLifecycleTest {

    private static KeycloakTokens tokens;
    private static KafkaCompanion kafka;
    private static Admin admin;

    @Inject
    Pool pool;

    @BeforeAll
    static void connect() {
        tokens = MeshTestSupport.tokens();
        kafka = new KafkaCompanion(MeshTestSupport.kafkaBootstrap());
        admin = new Admin(tokens.clientCredentials("sigil-admin"));
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aSuspensionIsStoredVersionedPublishedAndAudited() {
        // Given a registered agent at version 1
        String did = admin.registerFreshAgent("Medium");

        // When an administrator suspends it with a reason
        admin.change(did, "suspend", "key leaked in a ticket")
                .statusCode(200)
                .body("status", equalTo("suspended"))
                .body("version", equalTo(2))
                .body("published", equalTo(true));

        // Then the identities topic carries version 2, suspended, under the DID
        JsonPath published = JsonPath.from(
                TopicRecords.await(kafka, SigilTopics.IDENTITIES, did, json -> json.getLong("version") == 2)
                        .value());
        assertThat(published.getString("status")).isEqualTo("suspended");
        assertThat(published.getString("updated_at")).isNotBlank();

        // And the audit topic has the change with the actor and the reason, and no token
        ConsumerRecord<String, String> event = TopicRecords.await(
                kafka,
                SigilTopics.AUDIT_EVENTS,
                null,
                json -> "agents/suspend".equals(json.getString("unmapped.activity"))
                        && did.equals(json.getString("unmapped.attributes.did")));
        JsonPath audit = JsonPath.from(event.value());
        assertThat(audit.getInt("class_uid")).isEqualTo(3004);
        assertThat(audit.getString("unmapped.source")).isEqualTo("identity-service");
        assertThat(audit.getString("unmapped.actor")).isEqualTo("service-account-sigil-admin");
        assertThat(audit.getString("unmapped.attributes.actor_client_id")).isEqualTo("sigil-admin");
        assertThat(audit.getString("unmapped.attributes.reason")).isEqualTo("key leaked in a ticket");
        assertThat(audit.getString("unmapped.attributes.previous_status")).isEqualTo("active");
        assertThat(audit.getString("unmapped.attributes.status")).isEqualTo("suspended");
        assertThat(event.value()).doesNotContain("eyJ");
    }

    @Test
    void aSuspendedAgentIsReactivatedAndEachChangeBumpsTheVersion() {
        // Given a suspended agent
        String did = admin.registerFreshAgent("Low");
        admin.change(did, "suspend", null).statusCode(200);

        // When it is reactivated (without a body), then suspended again
        admin.change(did, "reactivate", null)
                .statusCode(200)
                .body("status", equalTo("active"))
                .body("version", equalTo(3));
        admin.change(did, "suspend", "again").statusCode(200).body("version", equalTo(4));

        // Then suspending it once more changes nothing: same version, still answered as success
        admin.change(did, "suspend", null)
                .statusCode(200)
                .body("status", equalTo("suspended"))
                .body("version", equalTo(4));
    }

    @Test
    void revocationIsFinal() {
        // Given a revoked agent
        String did = admin.registerFreshAgent("High");
        admin.change(did, "revoke", "decommissioned")
                .statusCode(200)
                .body("status", equalTo("revoked"))
                .body("version", equalTo(2));

        // When it is reactivated, suspended or patched
        // Then each is refused as an invalid transition and nothing changes
        for (String action : List.of("reactivate", "suspend")) {
            admin.change(did, action, null)
                    .statusCode(409)
                    .contentType(ContentType.JSON)
                    .body("error", equalTo("invalid_transition"))
                    .body("message", containsString("revoked"));
        }
        admin.patch(did, Map.of("owner", "someone-else")).statusCode(409).body("error", equalTo("invalid_transition"));
        given().auth()
                .oauth2(tokens.clientCredentials("sigil-soc"))
                .when()
                .get("/api/agents/" + did)
                .then()
                .statusCode(200)
                .body("status", equalTo("revoked"))
                .body("owner", equalTo("team-payments"))
                .body("version", equalTo(2));

        // And revoking it again is answered with the revoked agent, unchanged
        admin.change(did, "revoke", null).statusCode(200).body("version", equalTo(2));
    }

    @Test
    void theDatabaseItselfRefusesToResurrectARevokedAgent() {
        // Given a revoked agent
        String did = admin.registerFreshAgent("Low");
        admin.change(did, "revoke", null).statusCode(200);

        // When someone updates its row by hand, or deletes it to free its DID
        // Then PostgreSQL refuses both
        assertThatThrownBy(() -> pool.preparedQuery(
                                "update agent set status = 'active', version = version + 1 where did = $1")
                        .execute(Tuple.of(did))
                        .await()
                        .atMost(Duration.ofSeconds(10)))
                .hasMessageContaining("revocation is final");
        assertThatThrownBy(() -> pool.preparedQuery("delete from agent where did = $1")
                        .execute(Tuple.of(did))
                        .await()
                        .atMost(Duration.ofSeconds(10)))
                .hasMessageContaining("never deleted");
    }

    @Test
    void changingAnUnknownAgentIsNotFound() {
        // Given a DID nobody registered
        String did = "did:sigil:" + UUID.randomUUID();

        // When it is suspended or patched
        // Then the answer is 404 not_found
        admin.change(did, "suspend", null).statusCode(404).body("error", equalTo("not_found"));
        admin.patch(did, Map.of("owner", "x")).statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void onlyAnAdministratorChangesAnAgent() {
        // Given a registered agent, an auditor and an agent
        String did = admin.registerFreshAgent("Low");

        // When the auditor or the agent tries to revoke or patch it
        // Then access is forbidden, and without a token the caller must authenticate
        for (String client : List.of("sigil-soc", "demo-agent-low")) {
            String token = tokens.clientCredentials(client);
            given().auth()
                    .oauth2(token)
                    .when()
                    .post("/api/agents/" + did + "/revoke")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("owner", "x"))
                    .when()
                    .patch("/api/agents/" + did)
                    .then()
                    .statusCode(403);
        }
        given().when().post("/api/agents/" + did + "/revoke").then().statusCode(401);
        admin.change(did, "suspend", null).statusCode(200).body("version", equalTo(2));
    }

    @Test
    void aPatchChangesOwnerUpstreamsAndTrustAndIsPublished() {
        // Given a registered agent
        String did = admin.registerFreshAgent("Medium");

        // When an administrator patches its owner, upstreams and maximum trust level
        admin.patch(
                        did,
                        Map.of(
                                "owner",
                                "team-risk",
                                "allowed_upstreams",
                                List.of("demo", "ledger"),
                                "max_trust_level",
                                "low"))
                .statusCode(200)
                .body("owner", equalTo("team-risk"))
                .body("allowed_upstreams", equalTo(List.of("demo", "ledger")))
                .body("max_trust_level", equalTo("Low"))
                .body("status", equalTo("active"))
                .body("version", equalTo(2))
                .body("published", equalTo(true));

        // Then the topic has the new version
        JsonPath published = JsonPath.from(
                TopicRecords.await(kafka, SigilTopics.IDENTITIES, did, json -> json.getLong("version") == 2)
                        .value());
        assertThat(published.getString("max_trust_level")).isEqualTo("Low");
        assertThat(published.getList("allowed_upstreams")).containsExactly("demo", "ledger");

        // And the same patch again changes nothing
        admin.patch(did, Map.of("owner", "team-risk")).statusCode(200).body("version", equalTo(2));
    }

    @Test
    void anInvalidPatchIsRefusedAndNamesTheField() {
        // Given a registered agent
        String did = admin.registerFreshAgent("Medium");

        // When patches with an unknown level, a blank owner, nothing, or a misspelt field are sent
        // Then each is refused with 400 and a message naming the field; the agent keeps version 1
        admin.patch(did, Map.of("max_trust_level", "Omnipotent"))
                .statusCode(400)
                .body("error", equalTo("invalid_agent"))
                .body("message", containsString("max_trust_level"));
        admin.patch(did, Map.of("owner", " "))
                .statusCode(400)
                .body("error", equalTo("invalid_agent"))
                .body("message", containsString("owner"));
        admin.patch(did, Map.of()).statusCode(400).body("error", equalTo("invalid_agent"));
        admin.patch(did, Map.of("max_trust_levl", "Low"))
                .statusCode(400)
                .body("error", equalTo("invalid_json"))
                .body("message", containsString("max_trust_levl"));
        given().auth()
                .oauth2(tokens.clientCredentials("sigil-soc"))
                .when()
                .get("/api/agents/" + did)
                .then()
                .body("version", equalTo(1));
    }

    @Test
    void malformedAndOversizedBodiesAreRefused() {
        // Given an administrator
        String token = tokens.clientCredentials("sigil-admin");

        // When a body that is not JSON, and one over 64 KiB, are posted
        // Then the first is 400 invalid_json and the second 413
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"did\": ")
                .when()
                .post("/api/agents")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("invalid_json"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"owner\": \"" + "x".repeat(70_000) + "\"}")
                .when()
                .post("/api/agents")
                .then()
                .statusCode(413);
    }

    @Test
    void anOverlongReasonIsRefused() {
        // Given a registered agent
        String did = admin.registerFreshAgent("Low");

        // When it is suspended with a reason over 500 characters
        // Then the request is refused and the agent stays active
        admin.change(did, "suspend", "r".repeat(501))
                .statusCode(400)
                .body("error", equalTo("invalid_agent"))
                .body("message", containsString("reason"));
        admin.change(did, "reactivate", null).statusCode(200).body("version", equalTo(1));
    }
}
