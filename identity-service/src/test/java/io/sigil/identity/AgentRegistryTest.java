package io.sigil.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.quarkus.DevStackTestResource;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent registry against real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
@QuarkusTestResource(
        value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "IDENTITY"),
        restrictToAnnotatedClass = false)
class AgentRegistryTest {

    private static KeycloakTokens tokens;
    private static KafkaCompanion kafka;

    @BeforeAll
    static void connect() {
        tokens = MeshTestSupport.tokens();
        kafka = new KafkaCompanion(MeshTestSupport.kafkaBootstrap());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void readinessReportsKafkaAndPostgresqlUp() {
        // Given the service started against the devstack
        // When its readiness is probed
        // Then it is UP, and so are its Kafka and PostgreSQL checks
        MeshTestSupport.assertReadyWithKafkaAndPostgres();
    }

    @Test
    void listingAgentsWithoutATokenIsUnauthorised() {
        // Given no bearer token
        // When the agents are listed
        // Then the caller is told to authenticate
        given().when().get("/api/agents").then().statusCode(401);
    }

    @Test
    void anAgentCannotListAgents() {
        // Given a token that carries only the agent role
        String agent = tokens.clientCredentials("demo-agent-low");

        // When the agents are listed
        // Then access is forbidden
        given().auth().oauth2(agent).when().get("/api/agents").then().statusCode(403);
    }

    @Test
    void anAgentCannotRegisterAnAgent() {
        // Given a token that carries only the agent role
        String agent = tokens.clientCredentials("demo-agent-low");

        // When it tries to register an agent
        // Then access is forbidden
        given().auth()
                .oauth2(agent)
                .contentType(ContentType.JSON)
                .body(newAgent("did:sigil:" + UUID.randomUUID(), "client-" + UUID.randomUUID(), "Medium"))
                .when()
                .post("/api/agents")
                .then()
                .statusCode(403);
    }

    @Test
    void anAuditorCanListAgents() {
        // Given a token with the auditor role
        String auditor = tokens.clientCredentials("sigil-soc");

        // When the agents are listed
        // Then the list is returned
        given().auth()
                .oauth2(auditor)
                .when()
                .get("/api/agents")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON);
    }

    @Test
    void anAuditorCannotRegisterAnAgent() {
        // Given a token with the auditor role only
        String auditor = tokens.clientCredentials("sigil-soc");

        // When it tries to register an agent
        // Then access is forbidden: only administrators register
        given().auth()
                .oauth2(auditor)
                .contentType(ContentType.JSON)
                .body(newAgent("did:sigil:" + UUID.randomUUID(), "client-" + UUID.randomUUID(), "Medium"))
                .when()
                .post("/api/agents")
                .then()
                .statusCode(403);
    }

    @Test
    void anAdministratorRegistersAnAgentThatCanBeReadBackAndIsPublished() {
        // Given an administrator and an agent nobody has registered yet
        String admin = tokens.clientCredentials("sigil-admin");
        String did = "did:sigil:" + UUID.randomUUID();
        String clientId = "client-" + UUID.randomUUID();

        // When the administrator registers it
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(newAgent(did, clientId, "Medium"))
                .when()
                .post("/api/agents")
                .then()
                .statusCode(201)
                .body("did", equalTo(did))
                .body("client_id", equalTo(clientId))
                .body("owner", equalTo("team-payments"))
                .body("allowed_upstreams", equalTo(List.of("demo-upstream")))
                .body("max_trust_level", equalTo("Medium"))
                .body("status", equalTo("active"))
                .body("version", equalTo(1))
                .body("published", equalTo(true))
                .body("created_at", notNullValue());

        // Then an auditor reads it back, alone and in the list
        String auditor = tokens.clientCredentials("sigil-soc");
        given().auth()
                .oauth2(auditor)
                .when()
                .get("/api/agents/" + did)
                .then()
                .statusCode(200)
                .body("client_id", equalTo(clientId))
                .body("max_trust_level", equalTo("Medium"));
        given().auth()
                .oauth2(auditor)
                .when()
                .get("/api/agents")
                .then()
                .statusCode(200)
                .body("did", hasItem(did));

        // And the agent is on the identities topic, keyed by its DID
        ConsumerRecord<String, String> published = awaitRecord(SigilTopics.IDENTITIES, did);
        JsonPath json = JsonPath.from(published.value());
        assertThat(json.getString("did")).isEqualTo(did);
        assertThat(json.getString("client_id")).isEqualTo(clientId);
        assertThat(json.getString("max_trust_level")).isEqualTo("Medium");
        assertThat(json.getString("status")).isEqualTo("active");
        assertThat(json.getLong("version")).isEqualTo(1);
        assertThat(json.getString("owner")).isEqualTo("team-payments");
        assertThat(json.getList("allowed_upstreams")).containsExactly("demo-upstream");
        assertThat(json.getString("created_at")).isNotBlank();
        assertThat(json.getString("updated_at")).isNotBlank();
        assertThat(json.getMap("")).doesNotContainKeys("published", "published_version");
    }

    @Test
    void registeringTheSameDidOrClientIdTwiceIsAConflict() {
        // Given a registered agent
        String admin = tokens.clientCredentials("sigil-admin");
        String did = "did:sigil:" + UUID.randomUUID();
        String clientId = "client-" + UUID.randomUUID();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(newAgent(did, clientId, "Low"))
                .when()
                .post("/api/agents")
                .then()
                .statusCode(201);

        // When its DID, or its client id, is registered again
        // Then both are refused as conflicts
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(newAgent(did, "client-" + UUID.randomUUID(), "Low"))
                .when()
                .post("/api/agents")
                .then()
                .statusCode(409)
                .body("error", equalTo("conflict"))
                .body("message", containsString(did));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(newAgent("did:sigil:" + UUID.randomUUID(), clientId, "Low"))
                .when()
                .post("/api/agents")
                .then()
                .statusCode(409)
                .body("error", equalTo("conflict"));
    }

    @Test
    void anInvalidAgentIsRefusedWithAnErrorBody() {
        // Given an administrator
        String admin = tokens.clientCredentials("sigil-admin");

        // When agents with a foreign DID, a blank client id and owner, or an unknown trust level are registered
        // Then each is refused with the invalid_agent error and a sentence naming the problem
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(newAgent("did:web:example.com", "client-" + UUID.randomUUID(), "Low"))
                .when()
                .post("/api/agents")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("invalid_agent"))
                .body("message", containsString("did:sigil:"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("did", "did:sigil:" + UUID.randomUUID(), "client_id", " ", "max_trust_level", "Low"))
                .when()
                .post("/api/agents")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_agent"))
                .body("message", containsString("client_id"))
                .body("message", containsString("owner"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(newAgent("did:sigil:" + UUID.randomUUID(), "client-" + UUID.randomUUID(), "Omnipotent"))
                .when()
                .post("/api/agents")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_agent"))
                .body("message", containsString("max_trust_level"));
    }

    @Test
    void anUnknownAgentIsNotFound() {
        // Given an auditor and a DID nobody registered
        String auditor = tokens.clientCredentials("sigil-soc");

        // When it is looked up
        // Then the answer is 404 with the not_found error
        given().auth()
                .oauth2(auditor)
                .when()
                .get("/api/agents/did:sigil:" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", equalTo("not_found"));
    }

    private static Map<String, Object> newAgent(String did, String clientId, String maxTrustLevel) {
        return Map.of(
                "did", did,
                "client_id", clientId,
                "owner", "team-payments",
                "allowed_upstreams", List.of("demo-upstream"),
                "max_trust_level", maxTrustLevel);
    }

    private static ConsumerRecord<String, String> awaitRecord(String topic, String key) {
        ConsumerTask<String, String> task = kafka.consumeStrings()
                .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .fromTopics(topic, records -> records.filter(r -> key.equals(r.key()))
                        .select()
                        .first());
        try (task) {
            task.awaitCompletion(Duration.ofSeconds(30));
            return task.getFirstRecord();
        }
    }
}
