package io.sigil.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.DpopKey;
import io.sigil.devstack.KeycloakAdmin;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.quarkus.DevStackTestResource;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bearer authentication on /mcp against real Keycloak tokens, forged variants of them, and the audit topic. */
@QuarkusTest
@QuarkusTestResource(
        value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "GATEWAY"),
        restrictToAnnotatedClass = false)
class BearerAuthenticationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCE = "http://gateway.test/mcp";
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private static String agentHigh;
    private static String otherAudience;
    private static KafkaCompanion kafka;
    private static ConsumerTask<String, String> audit;

    @BeforeAll
    static void setUp() {
        KeycloakTokens tokens = MeshTestSupport.tokens();
        agentHigh = tokens.clientCredentials("demo-agent-high");
        otherAudience = tokens.clientCredentials("sigil-soc");
        kafka = new KafkaCompanion(MeshTestSupport.kafkaBootstrap());
        audit = kafka.consumeStrings().fromTopics(SigilTopics.AUDIT_EVENTS);
    }

    @AfterAll
    static void tearDown() {
        audit.close();
        kafka.close();
    }

    @Test
    void publishesProtectedResourceMetadataAtBothWellKnownPaths() {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        String resource = ConfigProvider.getConfig().getValue("sigil.gateway.resource", String.class);
        for (String path : List.of(ResourceMetadata.WELL_KNOWN, ResourceMetadata.WELL_KNOWN + "/mcp")) {
            given().when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .contentType(ContentType.JSON)
                    .body("resource", equalTo(resource))
                    .body("authorization_servers", contains(issuer))
                    .body("bearer_methods_supported", contains("header"))
                    .body("resource_name", equalTo("SIGIL gateway"));
        }
    }

    @Test
    void challengesACallWithoutATokenAndAuditsIt() {
        // Given
        String agent = userAgent();

        // When
        Response response = request(agent).post("/mcp");

        // Then the challenge points at the metadata, without an error: nothing was presented
        String resource = ConfigProvider.getConfig().getValue("sigil.gateway.resource", String.class);
        String metadata = ResourceMetadata.locationOf(URI.create(resource)).toString();
        response.then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer resource_metadata=\"" + metadata + "\""))
                .body(not(containsString("jsonrpc")));
        assertThat(metadata).endsWith("/.well-known/oauth-protected-resource/mcp");
        assertOneFailure(agent, "missing_token", null);
    }

    @Test
    void refusesAMalformedToken() {
        assertRefused("abc.def", "malformed_token");
    }

    @Test
    void refusesATokenWhoseSignatureBytesWereFlipped() {
        String[] parts = agentHigh.split("\\.");
        byte[] signature = B64D.decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        assertRefused(parts[0] + "." + parts[1] + "." + B64.encodeToString(signature), "invalid_signature");
    }

    @Test
    void refusesATokenWhosePayloadWasAltered() throws Exception {
        String[] parts = agentHigh.split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(B64D.decode(parts[1]));
        claims.put("azp", "demo-agent-hight");
        String payload = B64.encodeToString(JSON.writeValueAsBytes(claims));
        assertRefused(parts[0] + "." + payload + "." + parts[2], "invalid_signature");
    }

    @Test
    void refusesAnUnsignedTokenWithAlgNone() throws Exception {
        String[] parts = agentHigh.split("\\.");
        ObjectNode header = (ObjectNode) JSON.readTree(B64D.decode(parts[0]));
        header.put("alg", "none");
        assertRefused(
                B64.encodeToString(JSON.writeValueAsBytes(header)) + "." + parts[1] + ".", "unsupported_algorithm");
    }

    @Test
    void refusesAnHmacTokenKeyedWithTheRealmsPublicKey() throws Exception {
        // The classic confusion: a verifier that takes the realm's RSA public key as an HMAC secret accepts this.
        String[] parts = agentHigh.split("\\.");
        ObjectNode header = (ObjectNode) JSON.readTree(B64D.decode(parts[0]));
        header.put("alg", "HS256");
        String signingInput = B64.encodeToString(JSON.writeValueAsBytes(header)) + "." + parts[1];
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(realmPublicKeyPem().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        String forged =
                signingInput + "." + B64.encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        assertRefused(forged, "unsupported_algorithm");
    }

    @Test
    void refusesATokenMintedForAnotherAudienceAndNamesItsVerifiedClient() {
        JsonNode event = assertRefused(otherAudience, "wrong_audience");
        assertThat(event.path("unmapped").path("attributes").path("client_id").asText())
                .isEqualTo("sigil-soc");
    }

    @Test
    void auditsATokensFirstSuccessfulUseOnceAndWithoutTheToken() {
        // Given a token nobody has used yet
        String agent = userAgent();
        String fresh = MeshTestSupport.tokens().clientCredentials("demo-agent-high");

        // When it is used twice
        request(agent).auth().oauth2(fresh).body(PING).post("/mcp").then().statusCode(200);
        request(agent).auth().oauth2(fresh).body(PING).post("/mcp").then().statusCode(200);

        // Then one success is recorded: the calls themselves are API Activity events
        JsonNode event = awaitOneEvent(agent, fresh);
        assertThat(event.path("class_uid").asInt()).isEqualTo(AuditEvent.AUTHENTICATION);
        assertThat(event.path("unmapped").path("outcome").asText()).isEqualTo("success");
        assertThat(event.path("unmapped").path("actor").asText()).isEqualTo("demo-agent-high");
        assertThat(event.path("unmapped").path("attributes").path("client_id").asText())
                .isEqualTo("demo-agent-high");
        assertThat(event.path("unmapped").path("attributes").path("subject").asText())
                .isNotBlank();
        assertThat(event.path("unmapped").path("attributes").has("reason")).isFalse();
    }

    @Test
    void aRealTokenPastItsExpiryIsRefusedAsExpired() throws Exception {
        // Given a token of the realm's short-lived client (3 s), accepted while fresh
        String shortLived = MeshTestSupport.tokens().clientCredentials("demo-agent-short-lived");
        request(userAgent())
                .auth()
                .oauth2(shortLived)
                .body(PING)
                .post("/mcp")
                .then()
                .statusCode(200);

        // When its expiry has passed
        long expiry = JSON.readTree(
                        java.util.Base64.getUrlDecoder().decode(shortLived.split("\\.")[1]))
                .path("exp")
                .asLong();
        // The services allow 10 s of clock skew (quarkus.oidc.token.lifespan-grace).
        while (java.time.Instant.now().getEpochSecond() <= expiry + 11) {
            Thread.sleep(250);
        }

        // Then it is refused as expired, naming the client whose signature still verified
        JsonNode event = assertRefused(shortLived, "expired");
        assertThat(event.path("unmapped").path("attributes").path("client_id").asText())
                .isEqualTo("demo-agent-short-lived");
    }

    @Test
    void aRealTokenWhoseNotBeforeLiesAheadIsRefusedAsNotYetValid() throws Exception {
        // Given a real Keycloak token whose nbf lies two minutes ahead (its client maps a group attribute to nbf)
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        KeycloakAdmin.forKeycloak(realm)
                .setGroupAttribute(
                        "not-before",
                        "sigil_not_before",
                        String.valueOf(java.time.Instant.now().plusSeconds(120).getEpochSecond()));
        String early = MeshTestSupport.tokens().clientCredentials("demo-agent-not-yet-valid");
        assertThat(JSON.readTree(B64D.decode(early.split("\\.")[1])).path("nbf").asLong())
                .isGreaterThan(java.time.Instant.now().getEpochSecond());

        // When it is used
        // Then it is refused as not yet valid, and the refusal is audited
        assertRefused(early, "not_yet_valid");
    }

    @Test
    void aTokenSignedWithTheRealmsRotatedKeyIsAcceptedOnceTheKeySetIsRefetched() throws Exception {
        // Given the gateway knows the realm's key set (it verified tokens before)
        request(userAgent()).auth().oauth2(agentHigh).post("/mcp").then().statusCode(200);

        // When the realm rotates its signing key and issues a token under the new key id
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        String kid = KeycloakAdmin.forKeycloak(realm).rotateSigningKey();
        String rotated = MeshTestSupport.tokens().clientCredentials("demo-agent-medium");
        assertThat(JSON.readTree(B64D.decode(rotated.split("\\.")[0]))
                        .path("kid")
                        .asText())
                .isEqualTo(kid);

        // Then the gateway fetches the key set again and accepts it (within its forced-refresh interval)
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        request(userAgent()).auth().oauth2(rotated).post("/mcp").statusCode() == 200);
        // And tokens signed before the rotation still verify
        request(userAgent()).auth().oauth2(agentHigh).post("/mcp").then().statusCode(200);
    }

    @Test
    void aCorrectlySignedTokenFromAnotherIssuerIsRefusedAsWrongIssuer() throws Exception {
        // Given a token of the same realm and key, but issued under another issuer URL (localhost)
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        String elsewhere =
                new KeycloakTokens(realm.replace("127.0.0.1", "localhost")).clientCredentials("demo-agent-high");
        assertThat(JSON.readTree(B64D.decode(elsewhere.split("\\.")[1]))
                        .path("iss")
                        .asText())
                .isEqualTo(realm.replace("127.0.0.1", "localhost"));

        // When it is used
        // Then it is refused as issued by an untrusted party
        assertRefused(elsewhere, "wrong_issuer");
    }

    @Test
    void aDpopBoundTokenSentAsABearerTokenIsRefused() {
        // Given a token bound to a DPoP key
        DpopKey key = DpopKey.generate();
        String bound = MeshTestSupport.tokens().clientCredentials("demo-agent-medium", key);

        // When it is sent as a plain bearer token, without a proof
        // Then it is refused: whoever holds it need not hold the key
        assertDpopRefused(request -> request.auth().oauth2(bound), bound, "dpop_proof_missing");
    }

    @Test
    void aReplayedOrForeignDpopProofIsRefused() {
        // Given a DPoP-bound token and a proof that was already used once
        DpopKey key = DpopKey.generate();
        String bound = MeshTestSupport.tokens().clientCredentials("demo-agent-medium", key);
        String proof = key.proof("POST", RESOURCE, bound);
        request(userAgent())
                .header("Authorization", "DPoP " + bound)
                .header("DPoP", proof)
                .post("/mcp")
                .then()
                .statusCode(200);

        // When the same proof comes again, and when a proof is signed by another key
        // Then both are refused, each with its own reason
        assertDpopRefused(
                request -> request.header("Authorization", "DPoP " + bound).header("DPoP", proof),
                bound,
                "dpop_proof_replayed");
        assertDpopRefused(
                request -> request.header("Authorization", "DPoP " + bound)
                        .header("DPoP", DpopKey.generate().proof("POST", RESOURCE, bound)),
                bound,
                "dpop_key_mismatch");
    }

    @Test
    void theDpopSchemeWithAnUnboundTokenIsRefused() {
        // Given a plain bearer token and a valid proof of some key
        DpopKey key = DpopKey.generate();
        String agent = userAgent();

        // When the token is presented under the DPoP scheme
        // Then it is refused: the token is not bound to that key
        request(agent)
                .header("Authorization", "DPoP " + agentHigh)
                .header("DPoP", key.proof("POST", RESOURCE, agentHigh))
                .post("/mcp")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        assertOneFailure(agent, "not_dpop_bound", agentHigh);
    }

    private void assertDpopRefused(
            java.util.function.UnaryOperator<RequestSpecification> presenting, String token, String reason) {
        String agent = userAgent();
        presenting
                .apply(request(agent))
                .post("/mcp")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("DPoP algs=\""))
                .header("WWW-Authenticate", containsString("error=\"invalid_dpop_proof\""))
                .header("WWW-Authenticate", containsString("resource_metadata=\""));
        assertOneFailure(agent, reason, token);
    }

    private JsonNode assertRefused(String token, String reason) {
        String agent = userAgent();
        request(agent)
                .auth()
                .oauth2(token)
                .body(PING)
                .post("/mcp")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("resource_metadata=\""))
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .header("WWW-Authenticate", containsString("error_description=\""))
                .body(not(containsString("jsonrpc")));
        return assertOneFailure(agent, reason, token);
    }

    private JsonNode assertOneFailure(String agent, String reason, String token) {
        JsonNode event = awaitOneEvent(agent, token);
        assertThat(event.path("class_uid").asInt()).isEqualTo(AuditEvent.AUTHENTICATION);
        assertThat(event.path("unmapped").path("outcome").asText()).isEqualTo("failure");
        assertThat(event.path("unmapped").path("source").asText()).isEqualTo("gateway");
        assertThat(event.path("unmapped").path("attributes").path("reason").asText())
                .isEqualTo(reason);
        // What a SIEM reads without knowing SIGIL: an OCSF logon that failed, and why.
        assertThat(event.path("category_uid").asInt()).isEqualTo(3);
        assertThat(event.path("type_uid").asLong()).isEqualTo(300201L);
        assertThat(event.path("status_id").asInt()).isEqualTo(2);
        assertThat(event.path("status_detail").asText()).isEqualTo(reason);
        return event;
    }

    /** The one authentication event of the request sent with this user agent; it never holds the token. */
    private static JsonNode awaitOneEvent(String agent, String token) {
        List<ConsumerRecord<String, String>> events =
                await().atMost(Duration.ofSeconds(15)).until(() -> eventsOf(agent), found -> !found.isEmpty());
        // A second event would arrive right behind the first; give it the time to.
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        events = eventsOf(agent);
        assertThat(events).hasSize(1);
        String value = events.get(0).value();
        if (token != null) {
            String[] parts = token.split("\\.", -1);
            assertThat(value).doesNotContain(token);
            for (String part : parts) {
                if (part.length() >= 8) {
                    assertThat(value).doesNotContain(part);
                }
            }
        }
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }

    private static List<ConsumerRecord<String, String>> eventsOf(String agent) {
        return audit.getRecords().stream()
                .filter(r -> r.value().contains(agent))
                .filter(r -> r.value().contains("\"class_uid\":" + AuditEvent.AUTHENTICATION))
                .toList();
    }

    private static RequestSpecification request(String agent) {
        return given().contentType(ContentType.JSON).header("User-Agent", agent).body(PING);
    }

    private static String userAgent() {
        return "auth-test/" + UUID.randomUUID();
    }

    private static String realmPublicKeyPem() throws Exception {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(realm)).build(), HttpResponse.BodyHandlers.ofString());
        String key = JSON.readTree(response.body()).path("public_key").asText();
        assertThat(key).isNotBlank();
        return "-----BEGIN PUBLIC KEY-----\n" + key + "\n-----END PUBLIC KEY-----";
    }
}
