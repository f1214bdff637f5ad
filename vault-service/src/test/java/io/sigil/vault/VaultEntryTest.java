package io.sigil.vault;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sigil.core.model.VaultEntry;
import io.sigil.core.topics.SigilTopics;
import io.sigil.core.vault.EntrySealer;
import io.sigil.core.vault.X25519Keys;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.quarkus.DevStackTestResource;
import io.sigil.devstack.quarkus.LogCapture;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.sigil.vault.keys.EntryVault;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vault entry store against real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
@QuarkusTestResource(
        value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "VAULT"),
        restrictToAnnotatedClass = false)
class VaultEntryTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static KeycloakTokens tokens;
    private static KafkaCompanion kafka;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntryVault vault;

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
        assertReady();
    }

    @Test
    void readingAnEntryWithoutATokenIsUnauthorised() {
        // Given no bearer token
        // When an entry's metadata is read
        // Then the caller is told to authenticate
        given().when().get("/api/vault/entries/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void anAgentCannotReadAnEntry() {
        // Given a token that carries only the agent role
        String agent = tokens.clientCredentials("demo-agent-low");

        // When it reads an entry's metadata
        // Then access is forbidden
        given().auth()
                .oauth2(agent)
                .when()
                .get("/api/vault/entries/" + UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    void anUnknownEntryIsNotFound() {
        // Given an auditor
        String auditor = tokens.clientCredentials("sigil-soc");

        // When an id that was never stored, or is no UUID at all, is read
        // Then the answer is 404 with the not_found error
        for (String id : new String[] {UUID.randomUUID().toString(), "not-a-uuid"}) {
            given().auth()
                    .oauth2(auditor)
                    .when()
                    .get("/api/vault/entries/" + id)
                    .then()
                    .statusCode(404)
                    .contentType(ContentType.JSON)
                    .body("error", equalTo("not_found"));
        }
    }

    @Test
    void aPublishedEntryIsStoredAndAuditorsSeeItsMetadataButNeverItsCiphertext() throws Exception {
        // Given a sealed entry on the vault entries topic
        byte[] ciphertext = randomCiphertext();
        VaultEntry entry = new VaultEntry(
                UUID.randomUUID().toString(),
                ciphertext,
                "IBAN found in tools/call arguments",
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                List.of("IBAN", "request"),
                "acme",
                3);
        produce(entry.id(), mapper.writeValueAsString(entry));
        String auditor = tokens.clientCredentials("sigil-soc");

        // When an auditor reads it, once it has arrived
        Response response = awaitEntry(auditor, entry.id());

        // Then the metadata is there, with the ciphertext's length but not the ciphertext
        response.then()
                .contentType(ContentType.JSON)
                .body("id", equalTo(entry.id()))
                .body("description", equalTo(entry.description()))
                .body("tags", equalTo(entry.tags()))
                .body("tenant", equalTo("acme"))
                .body("key_version", equalTo(3))
                .body("ciphertext_length", equalTo(ciphertext.length));
        assertThat(Instant.parse(response.jsonPath().getString("created_at"))).isEqualTo(entry.createdAt());
        assertThat(response.asString())
                .doesNotContain(Base64.getEncoder().encodeToString(ciphertext))
                .doesNotContain("\"ciphertext\"");
    }

    @Test
    void aMalformedMessageIsSkippedWithoutLoggingItsContentAndTheServiceStaysReady() throws Exception {
        // Given the materialiser's log is watched
        try (LogCapture log = LogCapture.of("io.sigil.vault.messaging.VaultEntryMaterialiser")) {
            List<String> lines = log.lines();
            // When two malformed messages that carry ciphertext, then a valid entry, are published
            String secret = Base64.getEncoder().encodeToString(randomCiphertext());
            produce("broken", "{\"id\": \"" + UUID.randomUUID() + "\", \"ciphertext\": \"" + secret + "\", ");
            produce(
                    "no-uuid",
                    "{\"id\": \"not-a-uuid\", \"ciphertext\": \"" + secret
                            + "\", \"created_at\": \"2026-01-01T00:00:00Z\"}");
            VaultEntry valid = new VaultEntry(
                    UUID.randomUUID().toString(),
                    randomCiphertext(),
                    "after the malformed ones",
                    Instant.now(),
                    List.of(),
                    null,
                    1);
            produce(valid.id(), mapper.writeValueAsString(valid));

            // Then the valid entry behind them is still stored, so consumption went on
            awaitEntry(tokens.clientCredentials("sigil-soc"), valid.id()).then().body("tenant", equalTo("default"));

            // And each malformed message left one line that does not hold its content
            await().atMost(ARRIVAL).untilAsserted(() -> assertThat(lines)
                    .filteredOn(line -> line.contains("malformed"))
                    .hasSizeGreaterThanOrEqualTo(2));
            assertThat(lines).noneMatch(line -> line.contains(secret));
        }

        // And the service is still ready
        assertReady();
    }

    @Test
    void anEntrySealedWithThePublishedKeyOpensToItsPlaintextAndOnlyUnderItsOwnId() throws Exception {
        // Given the public key the service publishes for gateways
        String publicKey = given().when()
                .get("/api/vault/public-key")
                .then()
                .statusCode(200)
                .body("algorithm", equalTo("X25519"))
                .body("key_version", equalTo(1))
                .body("development", equalTo(true))
                .extract()
                .path("public_key");
        assertThat(publicKey).isEqualTo(X25519Keys.encode(X25519Keys.publicOf(X25519Keys.developmentPrivateKey())));

        // And an entry a gateway sealed with it, and a copy of its seal under another id
        String plaintext = "fake IBAN DE44500105175407324931";
        String id = UUID.randomUUID().toString();
        byte[] sealed = new EntrySealer(X25519Keys.decode(publicKey), 1)
                .session()
                .seal(id, "acme", plaintext.getBytes(StandardCharsets.UTF_8));
        VaultEntry entry = new VaultEntry(id, sealed, "IBAN", Instant.now(), List.of("IBAN"), "acme", 1);
        VaultEntry moved =
                new VaultEntry(UUID.randomUUID().toString(), sealed, "IBAN", Instant.now(), List.of("IBAN"), "acme", 1);
        produce(entry.id(), mapper.writeValueAsString(entry));
        produce(moved.id(), mapper.writeValueAsString(moved));
        String auditor = tokens.clientCredentials("sigil-soc");
        awaitEntry(auditor, entry.id());
        awaitEntry(auditor, moved.id());

        // When the vault opens them
        Optional<byte[]> opened = vault.open(UUID.fromString(id)).await().atMost(ARRIVAL);

        // Then the first opens to the plaintext, the moved copy does not open, and an unknown id is empty
        assertThat(opened).hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo(plaintext));
        assertThatThrownBy(() -> vault.open(UUID.fromString(moved.id())).await().atMost(ARRIVAL))
                .hasMessageContaining("does not open")
                .hasMessageNotContaining(plaintext);
        assertThat(vault.open(UUID.randomUUID()).await().atMost(ARRIVAL)).isEmpty();
    }

    private static void assertReady() {
        MeshTestSupport.assertReadyWithKafkaAndPostgres();
    }

    private static Response awaitEntry(String token, String id) {
        return await().atMost(ARRIVAL)
                .until(
                        () -> given().auth().oauth2(token).when().get("/api/vault/entries/" + id),
                        response -> response.statusCode() == 200);
    }

    private static void produce(String key, String value) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(SigilTopics.VAULT_ENTRIES, key, value))
                .awaitCompletion(ARRIVAL);
    }

    private static byte[] randomCiphertext() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
