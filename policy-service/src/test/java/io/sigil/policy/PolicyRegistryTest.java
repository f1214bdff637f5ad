package io.sigil.policy;

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

/** The policy bundle store against real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
@QuarkusTestResource(
        value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "POLICY"),
        restrictToAnnotatedClass = false)
class PolicyRegistryTest {

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
    void listingPoliciesWithoutATokenIsUnauthorised() {
        // Given no bearer token
        // When the policies are listed
        // Then the caller is told to authenticate
        given().when().get("/api/policies").then().statusCode(401);
    }

    @Test
    void anAgentCannotListPolicies() {
        // Given a token that carries only the agent role
        String agent = tokens.clientCredentials("demo-agent-low");

        // When the policies are listed
        // Then access is forbidden
        given().auth().oauth2(agent).when().get("/api/policies").then().statusCode(403);
    }

    @Test
    void anAuditorCanListPoliciesButNotStoreOne() {
        // Given a token with the auditor role
        String auditor = tokens.clientCredentials("sigil-soc");

        // When the policies are listed, and a bundle is stored
        // Then the list is returned, and storing is forbidden
        given().auth()
                .oauth2(auditor)
                .when()
                .get("/api/policies")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON);
        given().auth()
                .oauth2(auditor)
                .contentType(ContentType.JSON)
                .body(bundle("bundle-" + UUID.randomUUID(), 1))
                .when()
                .post("/api/policies")
                .then()
                .statusCode(403);
    }

    @Test
    void anAdministratorStoresABundleThatCanBeReadBackAndIsPublished() {
        // Given an administrator and a bundle id nobody has used yet
        String admin = tokens.clientCredentials("sigil-admin");
        String id = "bundle-" + UUID.randomUUID();

        // When the administrator stores its first version
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(bundle(id, 1))
                .when()
                .post("/api/policies")
                .then()
                .statusCode(201)
                .body("id", equalTo(id))
                .body("version", equalTo(1))
                .body("content.rules[0].effect", equalTo("deny"))
                .body("created_at", notNullValue());

        // Then an auditor finds it in the list
        String auditor = tokens.clientCredentials("sigil-soc");
        given().auth()
                .oauth2(auditor)
                .when()
                .get("/api/policies")
                .then()
                .statusCode(200)
                .body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.content.rules[0].tool", equalTo("delete_everything"));

        // And the bundle is on the policies topic, keyed by its id
        ConsumerRecord<String, String> published = awaitRecord(SigilTopics.POLICIES, id);
        JsonPath json = JsonPath.from(published.value());
        assertThat(json.getString("id")).isEqualTo(id);
        assertThat(json.getInt("version")).isEqualTo(1);
        assertThat(json.getString("content.rules[0].effect")).isEqualTo("deny");
    }

    @Test
    void storingAnExistingVersionAgainIsAConflict() {
        // Given a stored bundle version
        String admin = tokens.clientCredentials("sigil-admin");
        String id = "bundle-" + UUID.randomUUID();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(bundle(id, 1))
                .when()
                .post("/api/policies")
                .then()
                .statusCode(201);

        // When the same id and version is stored again
        // Then it is refused as a conflict, while the next version is accepted
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(bundle(id, 1))
                .when()
                .post("/api/policies")
                .then()
                .statusCode(409)
                .contentType(ContentType.JSON)
                .body("error", equalTo("conflict"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(bundle(id, 2))
                .when()
                .post("/api/policies")
                .then()
                .statusCode(201)
                .body("version", equalTo(2));
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneIsRefused() {
        // Given version 3 of a bundle is stored
        String admin = tokens.clientCredentials("sigil-admin");
        String id = "bundle-" + UUID.randomUUID();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(bundle(id, 3))
                .when()
                .post("/api/policies")
                .then()
                .statusCode(201);

        // When version 2 arrives late
        // Then it is refused, so the compacted topic's newest record stays version 3
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(bundle(id, 2))
                .when()
                .post("/api/policies")
                .then()
                .statusCode(409)
                .body("error", equalTo("conflict"))
                .body("message", containsString("versions only move forward"));
    }

    @Test
    void aBodyThatIsNotJsonGetsTheSharedErrorShape() {
        given().auth()
                .oauth2(tokens.clientCredentials("sigil-admin"))
                .contentType(ContentType.JSON)
                .body("{\"id\": \"x\", \"version\": \"abc\"")
                .when()
                .post("/api/policies")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("invalid_json"));
    }

    @Test
    void aBodyCutOffMidwayGetsTheSharedErrorShapeToo() {
        // Given a body whose JSON stops in the middle of a member
        // When it is posted
        // Then the answer is the mesh's invalid_json error with where the JSON broke, not a bare 400
        given().auth()
                .oauth2(tokens.clientCredentials("sigil-admin"))
                .contentType(ContentType.JSON)
                .body("{\"id\": ")
                .when()
                .post("/api/policies")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("invalid_json"))
                .body("message", containsString("not valid JSON"));
    }

    @Test
    void anInvalidBundleIsRefusedWithAnErrorBody() {
        // Given an administrator
        String admin = tokens.clientCredentials("sigil-admin");

        // When bundles with a blank id, a version below 1, or content that is not an object are stored
        // Then each is refused with the invalid_bundle error and a sentence naming the problem
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("id", " ", "version", 0, "content", List.of("not", "an", "object")))
                .when()
                .post("/api/policies")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("invalid_bundle"))
                .body("message", containsString("id must not be blank"))
                .body("message", containsString("version"))
                .body("message", containsString("content"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("id", "bundle-" + UUID.randomUUID(), "version", 1))
                .when()
                .post("/api/policies")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_bundle"))
                .body("message", equalTo("content must be a JSON object"));
    }

    private static Map<String, Object> bundle(String id, int version) {
        return Map.of(
                "id",
                id,
                "version",
                version,
                "content",
                Map.of("rules", List.of(Map.of("tool", "delete_everything", "effect", "deny"))));
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
