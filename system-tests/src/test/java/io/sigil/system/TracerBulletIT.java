package io.sigil.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.model.SigilEnvelope;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.MeshService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tracer bullet: an MCP client with a real Keycloak token calls a tool through the packaged gateway on
 * the demo upstream; the gateway's audit event crosses real Kafka into audit-service's real PostgreSQL.
 * Cutting any link (token, gateway, upstream, broker, audit-service, database) fails it.
 */
class TracerBulletIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningMesh mesh;
    private static KeycloakTokens tokens;

    @BeforeAll
    static void startMesh() throws Exception {
        mesh = RunningMesh.start(MeshService.DEMO_UPSTREAM, MeshService.AUDIT, MeshService.GATEWAY);
        tokens = new KeycloakTokens(mesh.state().realmUrl());
    }

    @AfterAll
    static void stopMesh() {
        if (mesh != null) {
            mesh.close();
        }
    }

    private static HttpResponse<String> mcp(String token, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(RunningMesh.url(MeshService.GATEWAY) + "/mcp"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aToolCallCrossesTheGatewayAndLandsInTheAuditStore() throws Exception {
        // Given a real token for a demo agent
        String token = tokens.clientCredentials("demo-agent-high");

        // When it calls a tool through the gateway
        HttpResponse<String> response = mcp(
                token,
                "{\"jsonrpc\":\"2.0\",\"id\":41,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Bonn\"}}}");

        // Then the upstream's answer comes back with the envelope
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("id").asInt()).isEqualTo(41);
        assertThat(answer.path("result").path("content").get(0).path("text").asText())
                .contains("Bonn");
        assertThat(SigilEnvelope.locate(answer).path("trust_level").asText()).isEqualTo("Medium");
        String auditId = SigilEnvelope.locate(answer).path("audit_id").asText();
        assertThat(auditId).hasSize(36);

        // And audit-service has stored the call's outcome, readable by the SOC (next to its admission record
        // when the tool's risk class needs one)
        String auditor = tokens.clientCredentials("sigil-soc");
        java.util.List<JsonNode> events = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> storedEvents(auditor, auditId), found -> found.stream()
                        .anyMatch(e -> e.path("activity").asText().equals("tools/call")));
        assertThat(events)
                .extracting(found -> found.path("activity").asText())
                .isSubsetOf("mcp/call-admitted", "tools/call")
                .containsOnlyOnce("tools/call");
        JsonNode stored = events.stream()
                .filter(found -> found.path("activity").asText().equals("tools/call"))
                .findFirst()
                .orElseThrow();
        assertThat(stored.path("activity").asText()).isEqualTo("tools/call");
        assertThat(stored.path("source").asText()).isEqualTo("gateway");
        assertThat(stored.path("actor").asText()).isEqualTo("client:demo-agent-high");
        assertThat(stored.path("outcome").asText()).isEqualTo("success");
        JsonNode event = stored.path("event");
        assertThat(event.path("unmapped").path("attributes").path("tool").asText())
                .isEqualTo("get_weather");
        assertThat(event.path("unmapped").path("attributes").path("upstream").asText())
                .isEqualTo("demo");
        // The same call as any OCSF consumer reads it.
        assertThat(event.path("type_uid").asLong()).isEqualTo(600399L);
        assertThat(event.path("api").path("operation").asText()).isEqualTo("tools/call");
        assertThat(event.path("resources").get(0).path("name").asText()).isEqualTo("get_weather");
        assertThat(event.path("metadata").path("product").path("name").asText()).isEqualTo("SIGIL mesh");
        assertThat(event.toString()).doesNotContain("Bonn");
        assertThat(stored.path("mac").asText()).hasSize(64);
    }

    @Test
    void aFullMcpSessionWorksThroughTheGateway() throws Exception {
        String token = tokens.password("carol");

        HttpResponse<String> init = mcp(
                token,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"tracer\",\"version\":\"1\"}}}");
        HttpResponse<String> initialized = mcp(token, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        HttpResponse<String> tools = mcp(token, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");

        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(init.body())
                        .path("result")
                        .path("protocolVersion")
                        .asText())
                .isEqualTo("2025-06-18");
        assertThat(initialized.statusCode()).isEqualTo(202);
        JsonNode list = JSON.readTree(tools.body());
        assertThat(list.path("result").path("tools").findValuesAsText("name"))
                .contains("get_weather", "read_email", "transfer_funds", "drop_table", "get_deploy_config");
        assertThat(SigilEnvelope.locate(list).path("identity").asText()).isEqualTo("carol via sigil-cli");
        // eIDAS high, but through a public client that cannot authenticate itself: the client axis holds it Low.
        assertThat(SigilEnvelope.locate(list).path("trust_level").asText()).isEqualTo("Low");
    }

    @Test
    void argumentsThatBreakTheToolsSchemaAreRefusedBeforeDispatchAndAudited() throws Exception {
        String token = tokens.clientCredentials("demo-agent-medium");

        HttpResponse<String> badArguments = mcp(
                token,
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"transfer_funds\",\"arguments\":{\"from_iban\":\"x\"}}}");
        HttpResponse<String> unknownTool = mcp(
                token,
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"launch_missiles\",\"arguments\":{}}}");

        assertThat(badArguments.statusCode()).isEqualTo(400);
        JsonNode refusal = JSON.readTree(badArguments.body());
        assertThat(refusal.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(refusal.path("error").path("message").asText())
                .contains("transfer_funds")
                .contains("amount");
        assertThat(unknownTool.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownTool.body())
                        .path("error")
                        .path("message")
                        .asText())
                .contains("unknown tool: launch_missiles");

        String auditId = SigilEnvelope.locate(refusal).path("audit_id").asText();
        String auditor = tokens.clientCredentials("sigil-soc");
        JsonNode stored = await().atMost(Duration.ofSeconds(30))
                .until(() -> storedEvents(auditor, auditId), events -> events.size() == 1)
                .get(0);
        assertThat(stored.path("outcome").asText()).isEqualTo("failure");
        assertThat(stored.path("event").toString()).contains("\"error_code\":-32602");
    }

    @Test
    void aCallWithoutATokenNeverReachesTheUpstream() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(RunningMesh.url(MeshService.GATEWAY) + "/mcp"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                                        + "\"params\":{\"name\":\"drop_table\",\"arguments\":{\"table\":\"x\"}}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static java.util.List<JsonNode> storedEvents(String auditor, String auditId) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                RunningMesh.url(MeshService.AUDIT) + "/api/audit/events?audit_id=" + auditId))
                        .header("Authorization", "Bearer " + auditor)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return java.util.List.of();
        }
        java.util.List<JsonNode> events = new java.util.ArrayList<>();
        JSON.readTree(response.body()).forEach(events::add);
        return events;
    }
}
