package io.sigil.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.quarkus.DevStackTestResource;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.sigil.scan.signing.PackSigner;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
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
    void aGoodPackIsVerifiedWithItsMetricsAndCanBeReadBack() {
        // Given an administrator and a well-formed pack nobody has used yet
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
                .body("status", equalTo("verified"))
                .body("verification.verified", equalTo(true))
                .body("verification.reasons", hasSize(0))
                .body("verification.metrics.detectors", equalTo(1))
                .body("verification.metrics.examples_passed", equalTo(4))
                .body("verification.metrics.negatives_scanned", greaterThan(100))
                .body("verification.metrics.false_positives", equalTo(0))
                .body("verification.metrics.ns_per_kib", greaterThan(0))
                .body("published", equalTo(true))
                .body("created_at", notNullValue());

        // Then an agent finds it in the list, verified
        String agent = tokens.clientCredentials("demo-agent-low");
        given().auth()
                .oauth2(agent)
                .when()
                .get("/api/scanners")
                .then()
                .statusCode(200)
                .body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.status", equalTo("verified"));

        // And it is announced on the scanners topic, signed: the signature verifies with the registry's key
        ConsumerRecord<String, String> announced = awaitRecord(id);
        JsonPath signed = JsonPath.from(announced.value());
        assertThat(signed.getString("version")).isEqualTo("1.0.0");
        String x = given().auth()
                .oauth2(agent)
                .get("/api/scanners/public-key")
                .then()
                .statusCode(200)
                .extract()
                .path("x");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode record = readTree(mapper, announced.value());
        byte[] payload = PackSigner.signedPayload(mapper, id, "1.0.0", record.get("definition"), record.get("metrics"));
        assertThat(verifies(x, payload, signed.getString("signature"))).isTrue();
        // A signature over anything else does not
        byte[] altered = PackSigner.signedPayload(mapper, id, "1.0.1", record.get("definition"), record.get("metrics"));
        assertThat(verifies(x, altered, signed.getString("signature"))).isFalse();
    }

    private static boolean verifies(String publicKeyX, byte[] payload, String signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(
                false, new Ed25519PublicKeyParameters(Base64.getUrlDecoder().decode(publicKeyX), 0));
        verifier.update(payload, 0, payload.length);
        return verifier.verifySignature(Base64.getUrlDecoder().decode(signature));
    }

    private static JsonNode readTree(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ConsumerRecord<String, String> awaitRecord(String key) {
        ConsumerTask<String, String> task = kafka.consumeStrings()
                .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .fromTopics(SigilTopics.SCANNERS, records -> records.filter(r -> key.equals(r.key()))
                        .select()
                        .first());
        try (task) {
            task.awaitCompletion(Duration.ofSeconds(30));
            return task.getFirstRecord();
        }
    }

    @Test
    void aBadPackIsStoredAsRejectedWithEveryReason() {
        String admin = tokens.clientCredentials("sigil-admin");

        // A pattern RE2J cannot compile (a back-reference): the pack does not even load
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(pack(
                        "pack-" + UUID.randomUUID(),
                        "1.0.0",
                        detector("ticket-ref", "(a)\\1", "ticket", "ticket aa", "none")))
                .post("/api/scanners")
                .then()
                .statusCode(201)
                .body("status", equalTo("rejected"))
                .body("verification.reasons[0]", containsString("does not compile under RE2J"));

        // A pattern run on every text that may repeat without bound: refused before anything runs
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(pack(
                        "pack-" + UUID.randomUUID(),
                        "1.0.0",
                        detector("greedy", "[a-z]+@corp", null, "a@corp", "none")))
                .post("/api/scanners")
                .then()
                .statusCode(201)
                .body("status", equalTo("rejected"))
                .body("verification.reasons[0]", containsString("bounded repetition only"));

        // A built-in detector's id, and a positive example the pattern misses
        Map<String, Object> shadowing = detector("iban", "[a-z]{2,10}@corp", "corp", "no match here", "plain words");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(pack("pack-" + UUID.randomUUID(), "1.0.0", shadowing))
                .post("/api/scanners")
                .then()
                .statusCode(201)
                .body("status", equalTo("rejected"))
                .body("verification.reasons", hasItem(containsString("the id of a built-in detector")))
                .body("verification.reasons", hasItem(containsString("misses its own positive example #1")));

        // A pattern that matches ordinary text: too many false positives on the shared negative corpus
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(pack(
                        "pack-" + UUID.randomUUID(),
                        "1.0.0",
                        detector("any-word", "\\b[a-z]{3,8}\\b", null, "hello", "42")))
                .post("/api/scanners")
                .then()
                .statusCode(201)
                .body("status", equalTo("rejected"))
                .body("verification.reasons", hasItem(containsString("shared negative corpus")));
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
        return pack(
                id,
                version,
                detector(
                        "ticket-key", "TKT-[0-9]{8}-[A-F0-9]{12}", "TKT-", "ref TKT-20261123-0123456789AB", "TKT-123"));
    }

    private static Map<String, Object> pack(String id, String version, Map<String, Object> detector) {
        return Map.of("id", id, "version", version, "definition", Map.of("pack", id, "detectors", List.of(detector)));
    }

    private static Map<String, Object> detector(
            String id, String pattern, String keyword, String positive, String negative) {
        Map<String, Object> detector = new java.util.LinkedHashMap<>();
        detector.put("id", id);
        detector.put("category", "Internal Ticket Key");
        detector.put("severity", "high");
        detector.put("pattern", pattern);
        if (keyword == null) {
            detector.put("alwaysRun", true);
        } else {
            detector.put("keywords", List.of(keyword));
        }
        // The registry wants two of each: the second is the first in another context.
        detector.put(
                "examples",
                Map.of("positive", List.of(positive, "x " + positive), "negative", List.of(negative, negative + " y")));
        return detector;
    }
}
