package io.sigil.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sigil.core.identity.IdentityRecords;
import io.sigil.core.identity.TrustRules;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trust rules as data against real PostgreSQL, Kafka and Keycloak. The devstack is shared with the gateway's
 * tests, so the rules written here are the defaults plus one acr value no real token carries.
 */
@QuarkusTest
class TrustRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void anAuditorReadsTheRulesInForceAndAnAgentCannot() {
        // Given the service stored the defaults at its first start
        // When an auditor reads the rules
        // Then they are a valid document with a version; an agent is forbidden, an anonymous caller unauthorised
        given().auth()
                .oauth2(tokens.clientCredentials("sigil-soc"))
                .when()
                .get("/api/trust-rules")
                .then()
                .statusCode(200)
                .body("version", greaterThanOrEqualTo(1))
                .body("binding.bearer", equalTo("Medium"))
                .body("human.acr.substantial", equalTo("Medium"));
        given().auth()
                .oauth2(tokens.clientCredentials("demo-agent-low"))
                .when()
                .get("/api/trust-rules")
                .then()
                .statusCode(403);
        given().when().get("/api/trust-rules").then().statusCode(401);
    }

    @Test
    void anAdministratorReplacesTheRulesAsTheNextVersionWhichIsPublished() {
        // Given the rules in force and new rules that carry a version of their own choosing
        String admin = tokens.clientCredentials("sigil-admin");
        long before = current().getLong("version");
        String marker = "urn:sigil:test:" + UUID.randomUUID();
        Map<String, Object> proposed = defaultsWith(marker);
        proposed.put("version", 999);

        // When an administrator puts them
        long stored = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(proposed)
                .queryParam("reason", "test acr for " + marker)
                .when()
                .put("/api/trust-rules")
                .then()
                .statusCode(200)
                .body("published", equalTo(true))
                .body("human.acr.'" + marker + "'", equalTo("Low"))
                .extract()
                .jsonPath()
                .getLong("version");

        // Then the service numbered them itself, after the rules in force (other runs may write too)
        assertThat(stored).isGreaterThan(before).isNotEqualTo(999);
        assertThat(current().getString("human.acr.'" + marker + "'")).isEqualTo("Low");

        // And they are on the identities topic under the trust-rules key, readable as TrustRules
        String value = TopicRecords.await(
                        kafka,
                        SigilTopics.IDENTITIES,
                        IdentityRecords.TRUST_RULES_KEY,
                        json -> json.getLong("version") == stored)
                .value();
        TrustRules published = readRules(value);
        assertThat(published.human().acr()).containsKey(marker);
        assertThat(published.problems()).isEmpty();

        // And the change is audited with its actor, version and reason
        JsonPath audit = JsonPath.from(TopicRecords.await(
                        kafka,
                        SigilTopics.AUDIT_EVENTS,
                        null,
                        json -> "trust-rules/update".equals(json.getString("unmapped.activity"))
                                && json.getLong("unmapped.attributes.version") == stored)
                .value());
        assertThat(audit.getString("unmapped.actor")).isEqualTo("service-account-sigil-admin");
        assertThat(audit.getString("unmapped.attributes.reason")).contains(marker);
    }

    @Test
    void rulesThatCannotBeAppliedAreRefusedWithEveryProblem() {
        // Given rules without a level for DPoP-bound tokens and without unknown_client_authentication
        String admin = tokens.clientCredentials("sigil-admin");
        long before = current().getLong("version");
        Map<String, Object> proposed = defaultsWith("urn:sigil:test:never-stored");
        proposed.put("binding", Map.of("bearer", "Medium", "mtls", "High"));
        proposed.remove("unknown_client_authentication");

        // When they are put
        // Then both problems are named and nothing is stored
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(proposed)
                .when()
                .put("/api/trust-rules")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_trust_rules"))
                .body("message", allOf(containsString("dpop"), containsString("unknown_client_authentication")));
        assertThat(current().getLong("version")).isGreaterThanOrEqualTo(before);
        assertThat(current().getMap("human.acr")).doesNotContainKey("urn:sigil:test:never-stored");
    }

    @Test
    void rulesThatDoNotParseAreRefused() {
        // Given an administrator
        String admin = tokens.clientCredentials("sigil-admin");

        // When rules with a level that does not exist, an unknown field, or broken JSON are put
        // Then each is a 400 in the shared error shape, naming the field where there is one
        Map<String, Object> badLevel = defaultsWith("urn:sigil:test:bad-level");
        badLevel.put("binding", Map.of("bearer", "Medium", "dpop", "Supreme", "mtls", "High"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(badLevel)
                .when()
                .put("/api/trust-rules")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("invalid_json"))
                .body("message", containsString("binding.dpop"));
        Map<String, Object> unknownField = defaultsWith("urn:sigil:test:unknown-field");
        unknownField.put("bindings", Map.of());
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(unknownField)
                .when()
                .put("/api/trust-rules")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_json"))
                .body("message", containsString("bindings"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"version\": ")
                .when()
                .put("/api/trust-rules")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("invalid_json"));
    }

    @Test
    void anAuditorCannotReplaceTheRules() {
        // Given an auditor
        // When it puts rules
        // Then access is forbidden
        given().auth()
                .oauth2(tokens.clientCredentials("sigil-soc"))
                .contentType(ContentType.JSON)
                .body(defaultsWith("urn:sigil:test:auditor"))
                .when()
                .put("/api/trust-rules")
                .then()
                .statusCode(403);
    }

    private static JsonPath current() {
        return given().auth()
                .oauth2(tokens.clientCredentials("sigil-soc"))
                .when()
                .get("/api/trust-rules")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The shipped defaults as a JSON object, with one more acr value mapped to Low. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> defaultsWith(String acr) {
        Map<String, Object> rules = JSON.convertValue(TrustRules.defaults(), new TypeReference<>() {});
        ((Map<String, Object>) ((Map<String, Object>) rules.get("human")).get("acr")).put(acr, "Low");
        return rules;
    }

    private static TrustRules readRules(String json) {
        try {
            return JSON.readValue(json, TrustRules.class);
        } catch (Exception e) {
            throw new AssertionError("the published trust rules are not TrustRules: " + json, e);
        }
    }
}
