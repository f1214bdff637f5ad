package io.sigil.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sigil.core.scan.Detector;
import io.sigil.core.scan.ScanEngine;
import io.sigil.devstack.quarkus.DevStackTestResource;
import io.sigil.devstack.quarkus.MeshTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/scan} and {@code /api/redact} with real Keycloak tokens, every built-in detector on. */
@QuarkusTest
@QuarkusTestResource(
        value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "SCAN"),
        restrictToAnnotatedClass = false)
class ScanResourceTest {

    private static String agent;
    private static String awsKey;
    private static String iban;

    @BeforeAll
    static void setUp() {
        agent = MeshTestSupport.tokens().clientCredentials("demo-agent-medium");
        // Fakes generated per run, in formats the detectors know: nothing real is ever committed.
        Random random = new Random();
        StringBuilder key = new StringBuilder("AKIA");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        for (int i = 0; i < 16; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        awsKey = key.toString();
        iban = firstPositiveOf("iban")
                .replaceAll(".*?([A-Z]{2}[0-9]{2}[0-9A-Z ]{11,}).*", "$1")
                .trim();
    }

    @Test
    void findsSecretsAndPersonalDataInTextWithoutEchoingThem() {
        // Given a log line holding a fake AWS key and an IBAN
        String text = "deploy with aws_access_key_id=" + awsKey + " then refund to " + iban + " today";

        // When it is scanned
        Response answer = post("/api/scan", Map.of("text", text));

        // Then both are found by category with their spans, and the answer never repeats them
        answer.then()
                .statusCode(200)
                .body("findings.category", hasItem("AWS Access Key"))
                .body("findings.category", hasItem("IBAN"));
        int start = answer.path("findings.find { it.category == 'AWS Access Key' }.start");
        int end = answer.path("findings.find { it.category == 'AWS Access Key' }.end");
        assertThat(text.substring(start, end)).contains(awsKey);
        assertThat(answer.asString()).doesNotContain(awsKey).doesNotContain(iban);
    }

    @Test
    void scansEveryStringOfAJsonDocumentAndNamesWhere() {
        Map<String, Object> result =
                Map.of("content", java.util.List.of(Map.of("type", "text", "text", "key " + awsKey)));

        post("/api/scan", Map.of("json", result))
                .then()
                .statusCode(200)
                .body("findings[0].category", equalTo("AWS Access Key"))
                .body("findings[0].json_pointer", equalTo("/content/0/text"));
    }

    @Test
    void redactsTextAndJsonLeavingTheRestAlone() {
        post("/api/redact", Map.of("text", "id " + awsKey + " ok"))
                .then()
                .statusCode(200)
                .body("text", equalTo("id [SIGIL-REDACTED: AWS Access Key] ok"))
                .body(not(containsString(awsKey)));
        post("/api/redact", Map.of("json", Map.of("note", "pay " + iban, "n", 3)))
                .then()
                .statusCode(200)
                .body("json.note", equalTo("pay [SIGIL-REDACTED: IBAN]"))
                .body("json.n", equalTo(3));
    }

    @Test
    void memberNamesAreScannedAndMaskedAndNoPointerRepeatsThem() {
        // Given a tool result keyed by IBAN, whose value holds an AWS key
        Map<String, Object> document = Map.of("balances", Map.of(iban, "key " + awsKey));

        // When it is scanned, then the name is found with the member's masked pointer, the value under that pointer
        Response scanned = post("/api/scan", Map.of("json", document));
        scanned.then()
                .statusCode(200)
                .body("findings[0].category", equalTo("IBAN"))
                .body("findings[0].in", equalTo("member_name"))
                .body("findings[0].json_pointer", equalTo("/balances/[SIGIL-REDACTED: IBAN]"))
                .body("findings[1].category", equalTo("AWS Access Key"))
                .body("findings[1].json_pointer", equalTo("/balances/[SIGIL-REDACTED: IBAN]"));
        assertThat(scanned.asString()).doesNotContain(iban).doesNotContain(awsKey);

        // When it is redacted, then neither the name nor the value is left
        Response redacted = post("/api/redact", Map.of("json", document));
        redacted.then()
                .statusCode(200)
                .body("json.balances.'[SIGIL-REDACTED: IBAN]'", equalTo("key [SIGIL-REDACTED: AWS Access Key]"));
        assertThat(redacted.asString()).doesNotContain(iban).doesNotContain(awsKey);
    }

    @Test
    void plainTextWithInvalidUtf8IsScannedNotRefused() {
        // Given bytes that are not valid UTF-8 around a secret
        byte[] prefix = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, ' '};
        byte[] secret = ("token " + awsKey).getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + secret.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(secret, 0, body, prefix.length, secret.length);

        // When it is posted as plain text
        // Then the invalid bytes are replaced and the secret is still found
        given().auth()
                .oauth2(agent)
                .contentType(ContentType.TEXT)
                .body(body)
                .post("/api/scan")
                .then()
                .statusCode(200)
                .body("findings.category", hasItem("AWS Access Key"));
    }

    @Test
    void badRequestsGetClearAnswers() {
        // Too large: refused before it is read
        given().auth()
                .oauth2(agent)
                .contentType(ContentType.TEXT)
                .body(new byte[1024 * 1024 + 1])
                .post("/api/scan")
                .then()
                .statusCode(413);
        // Neither or both of text and json
        post("/api/scan", Map.of()).then().statusCode(400).body("error", equalTo("invalid_scan_request"));
        post("/api/scan", Map.of("text", "a", "json", Map.of()))
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_scan_request"));
        // Not JSON at all
        given().auth()
                .oauth2(agent)
                .contentType(ContentType.JSON)
                .body("{\"text\": ")
                .post("/api/scan")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_json"));
        // No token
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "x"))
                .post("/api/scan")
                .then()
                .statusCode(401);
    }

    @Test
    void aDocumentNestedDeeperThanTheEngineWalksIsRefused() {
        String deep = "[".repeat(300) + "\"" + awsKey + "\"" + "]".repeat(300);
        given().auth()
                .oauth2(agent)
                .contentType(ContentType.JSON)
                .body("{\"json\":" + deep + "}")
                .post("/api/scan")
                .then()
                .statusCode(400)
                .body("message", containsString("nested deeper"));
    }

    private static Response post(String path, Map<String, Object> body) {
        return given().auth()
                .oauth2(agent)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path);
    }

    private static String firstPositiveOf(String detectorId) {
        return ScanEngine.builtIn().detectors().stream()
                .filter(d -> d.id().equals(detectorId))
                .map(Detector::positives)
                .findFirst()
                .orElseThrow()
                .get(0);
    }
}
