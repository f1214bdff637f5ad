package io.sigil.scan;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scanner pack registry against real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
@QuarkusTestResource(
        value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "SCAN"),
        restrictToAnnotatedClass = false)
class ScannerResourceTest {

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
    void listingScannersWithoutATokenIsUnauthorised() {
        // Given no bearer token
        // When the scanner packs are listed
        // Then the caller is told to authenticate
        given().when().get("/api/scanners").then().statusCode(401);
    }

    @Test
    void anyAuthenticatedCallerCanListScanners() {
        // Given tokens for an agent, an auditor and an administrator
        for (String client : new String[] {"demo-agent-low", "sigil-soc", "sigil-admin"}) {
            String token = tokens.clientCredentials(client);

            // When each lists the scanner packs
            // Then each gets the list
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/scanners")
                    .then()
                    .statusCode(200)
                    .contentType(ContentType.JSON);
        }
    }

    @Test
    void onlyAnAdministratorCanSubmitAScannerPack() {
        // Given tokens for an agent and an auditor
        for (String client : new String[] {"demo-agent-low", "sigil-soc"}) {
            String token = tokens.clientCredentials(client);

            // When each submits a scanner pack
            // Then access is forbidden
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(pack("pack-" + UUID.randomUUID(), "1.0.0"))
                    .when()
                    .post("/api/scanners")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void aSubmittedPackIsStoredAsSubmittedCanBeReadBackButIsNotAnnounced() {
        // Given an administrator and a pack id nobody has used yet
        String admin = tokens.clientCredentials("sigil-admin");
        String id = "pack-" + UUID.randomUUID();

        // When the administrator submits it
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(pack(id, "1.0.0"))
                .when()
                .post("/api/scanners")
                .then()
                .statusCode(201)
                .body("id", equalTo(id))
                .body("version", equalTo("1.0.0"))
                .body("status", equalTo("submitted"))
                .body("definition.scanners[0].category", equalTo("IBAN"))
                .body("created_at", notNullValue());

        // Then an agent finds it in the list, still submitted
        String agent = tokens.clientCredentials("demo-agent-low");
        given().auth()
                .oauth2(agent)
                .when()
                .get("/api/scanners")
                .then()
                .statusCode(200)
                .body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.status", equalTo("submitted"));

        // And it is not announced on the scanners topic, which carries verified packs only
        try (ConsumerTask<String, String> task = kafka.consumeStrings()
                .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .fromTopics(SigilTopics.SCANNERS, Duration.ofSeconds(3))) {
            task.awaitCompletion(Duration.ofSeconds(10));
            assertThat(task.getRecords()).noneMatch(r -> id.equals(r.key()));
        }
    }

    @Test
    void submittingAnExistingVersionAgainIsAConflict() {
        // Given a submitted pack version
        String admin = tokens.clientCredentials("sigil-admin");
        String id = "pack-" + UUID.randomUUID();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(pack(id, "1.0.0"))
                .when()
                .post("/api/scanners")
                .then()
                .statusCode(201);

        // When the same id and version is submitted again
        // Then it is refused as a conflict
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(pack(id, "1.0.0"))
                .when()
                .post("/api/scanners")
                .then()
                .statusCode(409)
                .contentType(ContentType.JSON)
                .body("error", equalTo("conflict"));
    }

    @Test
    void anInvalidPackIsRefusedWithAnErrorBody() {
        // Given an administrator
        String admin = tokens.clientCredentials("sigil-admin");

        // When a pack with a blank id, no version and a definition that is not an object is submitted
        // Then it is refused with the invalid_scanner_pack error and a sentence naming each problem
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("id", "", "definition", "regex"))
                .when()
                .post("/api/scanners")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("invalid_scanner_pack"))
                .body("message", containsString("id must not be blank"))
                .body("message", containsString("version must not be blank"))
                .body("message", containsString("definition must be a JSON object"));
    }

    private static Map<String, Object> pack(String id, String version) {
        return Map.of(
                "id",
                id,
                "version",
                version,
                "definition",
                Map.of("scanners", List.of(Map.of("category", "IBAN", "pattern", "[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}"))));
    }
}
