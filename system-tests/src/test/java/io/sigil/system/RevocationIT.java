package io.sigil.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.KeycloakAdmin;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.MeshService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Revocation end to end with the real processes: an administrator suspends, reactivates and finally revokes an
 * agent through identity-service's REST API, and the packaged gateway, following the real identities topic,
 * refuses or admits the agent's still-valid token within one second of identity-service's answer.
 */
class RevocationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
    private static final int CYCLES = 5;

    private static RunningMesh mesh;
    private static KeycloakTokens tokens;

    @BeforeAll
    static void start() throws Exception {
        // The gateway follows the identities topic identity-service writes, not the test stack's demo topic.
        mesh = RunningMesh.start(
                Map.of("sigil.gateway.identity.topic", SigilTopics.IDENTITIES),
                MeshService.IDENTITY,
                MeshService.GATEWAY);
        tokens = new KeycloakTokens(mesh.state().realmUrl());
    }

    @AfterAll
    static void stop() {
        if (mesh != null) {
            mesh.close();
        }
    }

    @Test
    void aSuspensionOrRevocationTakesEffectAtTheGatewayWithinOneSecond() throws Exception {
        // Given a new Keycloak client registered as an agent, whose token the gateway admits
        String clientId = "it-agent-" + UUID.randomUUID();
        String did = "did:sigil:" + clientId;
        KeycloakAdmin.forKeycloak(mesh.state().realmUrl()).createAgentClient(clientId);
        String admin = tokens.clientCredentials("sigil-admin");
        HttpResponse<String> registered = identity(
                "POST",
                "/api/agents",
                admin,
                "{\"did\":\"" + did + "\",\"client_id\":\"" + clientId + "\",\"owner\":\"system-tests\","
                        + "\"allowed_upstreams\":[\"demo\"],\"max_trust_level\":\"High\"}");
        assertThat(registered.statusCode()).isEqualTo(201);
        String token = tokens.clientCredentials(clientId);
        awaitGateway(token, 200, Duration.ofSeconds(15));

        // When it is suspended and reactivated several times, then revoked
        List<Long> refusals = new ArrayList<>();
        List<Long> admissions = new ArrayList<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            refusals.add(change(did, "suspend", admin, token, 403));
            admissions.add(change(did, "reactivate", admin, token, 200));
        }
        refusals.add(change(did, "revoke", admin, token, 403));

        // Then every change reached the gateway within one second of identity-service's acknowledged answer
        System.out.printf(
                "revocation at the gateway: refusals after %s ms, admissions after %s ms%n", refusals, admissions);
        assertThat(refusals).allSatisfy(millis -> assertThat(millis).isLessThanOrEqualTo(1_000));
        assertThat(admissions).allSatisfy(millis -> assertThat(millis).isLessThanOrEqualTo(1_000));

        // And the refusal names the revocation, while identity-service refuses to undo it
        JsonNode refused = JSON.readTree(gateway(token).body());
        assertThat(refused.path("error").path("message").asText()).contains(did + " is revoked");
        assertThat(identity("POST", "/api/agents/" + did + "/reactivate", admin, "{}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(gateway(token).statusCode()).isEqualTo(403);
    }

    /** Makes the change and returns the milliseconds from identity-service's answer to the gateway's new answer. */
    private static long change(String did, String action, String admin, String token, int expected) throws Exception {
        HttpResponse<String> answer =
                identity("POST", "/api/agents/" + did + "/" + action, admin, "{\"reason\":\"it\"}");
        long answered = System.nanoTime();
        // 200 means the broker acknowledged the change; 202 would mean it is not published yet.
        assertThat(answer.statusCode()).as(action + ": " + answer.body()).isEqualTo(200);
        awaitGateway(token, expected, Duration.ofSeconds(10));
        return Duration.ofNanos(System.nanoTime() - answered).toMillis();
    }

    private static void awaitGateway(String token, int status, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (gateway(token).statusCode() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway did not answer " + status + " within " + patience);
            }
            Thread.sleep(10);
        }
    }

    private static HttpResponse<String> gateway(String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(RunningMesh.url(MeshService.GATEWAY) + "/mcp"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> identity(String method, String path, String token, String body)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(RunningMesh.url(MeshService.IDENTITY) + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
