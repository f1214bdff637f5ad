package io.sigil.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sigil.core.identity.AgentStatus;
import io.sigil.devstack.DpopKey;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.quarkus.DevStackTestResource;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.sigil.devstack.support.DemoAgents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry and trust rules at the gateway, with real Keycloak tokens (secret and signed-JWT clients,
 * bearer and DPoP-bound) and the registry replica fed through real Kafka.
 */
@QuarkusTest
@QuarkusTestResource(
        value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "GATEWAY"),
        restrictToAnnotatedClass = false)
class IdentityGatingTest {

    private static final String RESOURCE = "http://gateway.test/mcp";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private static final String ENVELOPE = "result._meta.'io.sigil/envelope'";
    private static final String REVOCABLE = "demo-agent-revocable";

    private static KeycloakTokens tokens;
    private static long version;

    @BeforeAll
    static void tokens() {
        tokens = MeshTestSupport.tokens();
        version = System.currentTimeMillis();
    }

    @AfterAll
    static void restoreTheRevocableAgent() {
        DemoAgents.publish(bootstrap(), topic(), REVOCABLE, AgentStatus.ACTIVE, ++version);
    }

    @Test
    void aSecretClientsBearerTokenIsMediumAtMostAndTheRegistryCapsIt() {
        // Given the High-registered demo agent with a shared secret and a bearer token, and the Low-registered one
        // When each initialises
        // Then the first is Medium (client and binding axes), the second Low (its registry maximum)
        bearer(tokens.clientCredentials("demo-agent-high"), INITIALIZE)
                .then()
                .statusCode(200)
                .body(ENVELOPE + ".trust_level", equalTo("Medium"));
        bearer(tokens.clientCredentials("demo-agent-low"), INITIALIZE)
                .then()
                .statusCode(200)
                .body(ENVELOPE + ".trust_level", equalTo("Low"));
    }

    @Test
    void aSignedJwtClientWithADpopBoundTokenIsHigh() {
        // Given the client that authenticates with a signed JWT, and a token bound to its DPoP key
        DpopKey key = DpopKey.generate();
        String token = tokens.signedClientCredentials(key);

        // When it initialises with a proof of that key
        // Then it holds High; the same client with a bearer token only Medium
        dpop(token, key, INITIALIZE).then().statusCode(200).body(ENVELOPE + ".trust_level", equalTo("High"));
        bearer(tokens.signedClientCredentials(null), INITIALIZE)
                .then()
                .statusCode(200)
                .body(ENVELOPE + ".trust_level", equalTo("Medium"));
    }

    @Test
    void eidasLevelsOfPeopleMapToTheirTrustLevels() {
        // Given alice, bob and carol (eIDAS low, substantial, high) logged in through the signed client with DPoP
        // When each initialises
        // Then each holds the trust level of their eIDAS level
        for (String[] person : new String[][] {{"alice", "Low"}, {"bob", "Medium"}, {"carol", "High"}}) {
            DpopKey key = DpopKey.generate();
            dpop(tokens.signedPassword(person[0], key), key, INITIALIZE)
                    .then()
                    .statusCode(200)
                    .body(ENVELOPE + ".trust_level", equalTo(person[1]))
                    .body(ENVELOPE + ".identity", equalTo(person[0] + " via demo-agent-signed"));
        }
    }

    @Test
    void anAgentActingForAPersonThroughTokenExchangeHoldsNoMoreThanEither() {
        // Given carol (eIDAS high) and alice (eIDAS low) logged in through the CLI
        String carol = tokens.password("carol");
        String alice = tokens.password("alice");
        DpopKey key = DpopKey.generate();

        // When agents exchange their tokens (RFC 8693) to call the gateway on their behalf
        String carolViaSigned = tokens.exchange("demo-agent-signed", carol, key);
        String carolViaMedium = tokens.exchange("demo-agent-medium", carol, null);
        String aliceViaSigned = tokens.exchange("demo-agent-signed", alice, key);

        // Then each call holds the lower of the person's and the agent's trust
        dpop(carolViaSigned, key, INITIALIZE)
                .then()
                .statusCode(200)
                .body(ENVELOPE + ".identity", equalTo("carol via demo-agent-signed"))
                .body(ENVELOPE + ".trust_level", equalTo("High"));
        bearer(carolViaMedium, INITIALIZE)
                .then()
                .statusCode(200)
                .body(ENVELOPE + ".identity", equalTo("carol via demo-agent-medium"))
                .body(ENVELOPE + ".trust_level", equalTo("Medium"));
        dpop(aliceViaSigned, key, INITIALIZE).then().statusCode(200).body(ENVELOPE + ".trust_level", equalTo("Low"));
    }

    @Test
    void aToolAboveThePersonsAssuranceAnswersWithAStepUpChallenge() {
        // Given bob (substantial, so Medium) through the signed client with DPoP
        DpopKey key = DpopKey.generate();
        String token = tokens.signedPassword("bob", key);

        // When he calls transfer_funds, which needs High
        // Then he is asked to authenticate again at eIDAS high (RFC 9470)
        dpop(token, key, call("transfer_funds"))
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"insufficient_user_authentication\""))
                .header("WWW-Authenticate", containsString("acr_values=\"high http://eidas.europa.eu/LoA/high\""))
                .body("error.code", equalTo(-32012));
        // And a tool at his level passes the identity stage (the test upstream is down: 502, not a refusal)
        dpop(token, key, call("get_deploy_config")).then().statusCode(502);
    }

    @Test
    void whenAStrongerLoginCannotHelpTheRefusalIsAPlain403() {
        // Given a secret client's service account (Medium, and no person to step up)
        // When it calls a tool that needs High
        // Then it is refused with the insufficient-trust error and no challenge
        bearer(tokens.clientCredentials("demo-agent-high"), call("transfer_funds"))
                .then()
                .statusCode(403)
                .header("WWW-Authenticate", (String) null)
                .body("error.code", equalTo(-32012))
                .body("error.message", containsString("needs trust level High"));
    }

    @Test
    void suspensionRevocationAndUnregistrationReachTheGatewayWithinOneSecond() {
        // Given the revocable demo agent, active, and a token of it
        String token = tokens.clientCredentials(REVOCABLE);
        awaitAnswer(token, 200, "active at the start");
        List<Long> delays = new ArrayList<>();

        // When identity-service's record for it is suspended, reactivated, revoked, and reactivated
        // Then each change reaches the gateway's replica within one second of the broker's ack
        delays.add(change(token, AgentStatus.SUSPENDED, 403));
        delays.add(change(token, AgentStatus.ACTIVE, 200));
        delays.add(change(token, AgentStatus.REVOKED, 403));
        delays.add(change(token, AgentStatus.ACTIVE, 200));
        assertThat(delays).allSatisfy(delay -> assertThat(delay).isLessThan(1_000));
        System.out.println("registry changes took effect at the gateway after (ms): " + delays);

        // And a refused call says why
        DemoAgents.publish(bootstrap(), topic(), REVOCABLE, AgentStatus.REVOKED, ++version);
        awaitAnswer(token, 403, "revoked");
        bearer(token, INITIALIZE)
                .then()
                .body("error.code", equalTo(-32003))
                .body("error.message", containsString("did:sigil:demo-agent-revocable is revoked"));
        DemoAgents.publish(bootstrap(), topic(), REVOCABLE, AgentStatus.ACTIVE, ++version);
        awaitAnswer(token, 200, "active again");
    }

    private static long change(String token, AgentStatus status, int expected) {
        DemoAgents.publish(bootstrap(), topic(), REVOCABLE, status, ++version);
        long acked = System.nanoTime();
        awaitAnswer(token, expected, status.wireName());
        return Duration.ofNanos(System.nanoTime() - acked).toMillis();
    }

    private static void awaitAnswer(String token, int status, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Predicate<Integer> reached = code -> code == status;
        while (!reached.test(bearer(token, INITIALIZE).statusCode())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway did not answer " + status + " within 10 s (" + what + ")");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String call(String tool) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":{}}}";
    }

    private static Response bearer(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/mcp");
    }

    private static Response dpop(String token, DpopKey key, String body) {
        return given().header("Authorization", "DPoP " + token)
                .header("DPoP", key.proof("POST", RESOURCE, token))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/mcp");
    }

    private static String bootstrap() {
        return MeshTestSupport.kafkaBootstrap();
    }

    private static String topic() {
        return ConfigProvider.getConfig().getValue("sigil.gateway.identity.topic", String.class);
    }
}
