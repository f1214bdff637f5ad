package io.sigil.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.KeycloakAdmin;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.MeshService;
import io.sigil.devstack.PortGuard;
import io.sigil.devstack.StackProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real MCP software nobody here wrote, from npm with pinned versions, through the gateway: the official
 * TypeScript SDK client and the Inspector CLI against the demo upstream (with vault-service storing what the
 * scanner replaced), and the TypeScript client against a second gateway whose upstream is {@code server-everything}
 * (which answers with SSE).
 */
class NodePeersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningMesh mesh;
    private static Process everything;
    private static String everythingGateway;
    private static String federatedGateway;
    private static String federatedAgent;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KeycloakTokens tokens;

    @BeforeAll
    static void start() throws Exception {
        mesh = RunningMesh.start(
                MeshService.DEMO_UPSTREAM,
                MeshService.AUDIT,
                MeshService.IDENTITY,
                MeshService.VAULT,
                MeshService.GATEWAY);
        tokens = new KeycloakTokens(mesh.state().realmUrl());
        int everythingPort = TcpProxy.freePort();
        everything = NodePeers.startEverything(
                everythingPort, StackProfile.TEST.stateDir().resolve("server-everything.log"));
        Instant deadline = Instant.now().plusSeconds(60);
        while (!PortGuard.isOpen(everythingPort) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        everythingGateway =
                mesh.startGateway(TcpProxy.freePort(), "http://127.0.0.1:" + everythingPort + "/mcp") + "/mcp";
        // An agent of its own that the registry (identity-service) allows to reach both upstreams
        federatedAgent = "it-federated-" + UUID.randomUUID();
        KeycloakAdmin.forKeycloak(mesh.state().realmUrl()).createAgentClient(federatedAgent);
        HttpResponse<String> registered = HTTP.send(
                HttpRequest.newBuilder(URI.create(RunningMesh.url(MeshService.IDENTITY) + "/api/agents"))
                        .header("Authorization", "Bearer " + tokens.clientCredentials("sigil-admin"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"did\":\"did:sigil:" + federatedAgent
                                + "\",\"client_id\":\"" + federatedAgent + "\",\"owner\":\"system-tests\","
                                + "\"allowed_upstreams\":[\"demo\",\"everything\"],\"max_trust_level\":\"High\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        federatedGateway = mesh.startGateway(
                        TcpProxy.freePort(),
                        Map.of(
                                "sigil.gateway.upstreams.demo.url",
                                RunningMesh.url(MeshService.DEMO_UPSTREAM) + "/mcp",
                                "sigil.gateway.upstreams.everything.command",
                                "node," + NodePeers.everythingScript() + ",stdio",
                                // The registry identity-service writes, where the agent above is
                                "sigil.gateway.identity.topic",
                                SigilTopics.IDENTITIES,
                                "sigil.gateway.upstreams.everything.stderr",
                                StackProfile.TEST
                                        .stateDir()
                                        .resolve("everything-stdio.log")
                                        .toString()))
                + "/mcp";
    }

    @AfterAll
    static void stop() throws Exception {
        if (mesh != null) {
            mesh.close();
        }
        if (everything != null) {
            everything.destroy();
            everything.waitFor();
        }
    }

    private static String gateway() {
        return RunningMesh.url(MeshService.GATEWAY) + "/mcp";
    }

    @Test
    void theTypeScriptSdkClientUsesToolsResourcesAndPromptsThroughTheGateway() throws Exception {
        // When
        NodePeers.Run run = NodePeers.run(
                60, "node", "sdk-client.mjs", gateway(), tokens.clientCredentials("demo-agent-high"), "demo");

        // Then
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode seen = JSON.readTree(run.stdout());
        assertThat(seen.path("server").asText()).isEqualTo("sigil-gateway");
        assertThat(seen.path("tools").toString()).contains("get_weather", "read_email", "drop_table");
        assertThat(seen.path("call").asText()).contains("Bonn");
        assertThat(seen.path("resources").toString()).contains("demo://readme");
        assertThat(seen.path("resource").asText()).isNotBlank();
        assertThat(seen.path("prompts").toString()).contains("summarise_inbox");
        assertThat(seen.path("prompt").asInt()).isPositive();
    }

    @Test
    void theTypeScriptSdkClientIsRefusedWithoutAValidToken() throws Exception {
        NodePeers.Run run = NodePeers.run(60, "node", "sdk-client.mjs", gateway(), "forged", "demo");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).contains("sdk-client failed");
    }

    @Test
    void theInspectorCliListsAndCallsToolsThroughTheGateway() throws Exception {
        String header = "Authorization: Bearer " + tokens.clientCredentials("demo-agent-medium");

        NodePeers.Run list = inspector(header, "--method", "tools/list");
        NodePeers.Run call =
                inspector(header, "--method", "tools/call", "--tool-name", "get_weather", "--tool-arg", "city=Potsdam");

        assertThat(list.exit()).as(list.stderr()).isZero();
        assertThat(list.stdout()).contains("get_weather").contains("transfer_funds");
        assertThat(call.exit()).as(call.stderr()).isZero();
        assertThat(call.stdout()).contains("Potsdam");
    }

    @Test
    void whatTheInspectorCliIsShownInsteadOfSecretsIsVaultedAndStoredByVaultService() throws Exception {
        // Given an agent's token
        String header = "Authorization: Bearer " + tokens.clientCredentials("demo-agent-medium");

        // When the Inspector CLI reads an email full of fake PII through the gateway
        NodePeers.Run call =
                inspector(header, "--method", "tools/call", "--tool-name", "read_email", "--tool-arg", "folder=inbox");

        // Then it is shown pointers, and the envelope names a vault entry for each interception
        assertThat(call.exit()).as(call.stderr()).isZero();
        JsonNode result = JSON.readTree(call.stdout());
        assertThat(result.path("content").toString()).contains("[SIGIL-VAULT: ");
        JsonNode interceptions = result.path("_meta").path("io.sigil/envelope").path("interceptions");
        assertThat(interceptions.size()).as(result.toString()).isPositive();
        String auditor = "Bearer " + tokens.clientCredentials("sigil-soc");
        for (JsonNode interception : interceptions) {
            String id = interception.path("vault_id").asText();
            assertThat(UUID.fromString(id)).isNotNull();

            // And vault-service materialised each entry from the vault topic into PostgreSQL, sealed
            HttpResponse<String> stored = awaitEntry(auditor, id);
            JsonNode entry = JSON.readTree(stored.body());
            assertThat(entry.path("tags").get(0).asText())
                    .isEqualTo(interception.path("category").asText());
            assertThat(entry.path("description").asText())
                    .contains(interception.path("path").asText());
            assertThat(entry.path("ciphertext_length").asInt()).isGreaterThan(51);
        }
    }

    /** The Inspector CLI against the gateway over Streamable HTTP, with the caller's header and these arguments. */
    private static NodePeers.Run inspector(String header, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "npx", "--no-install", "mcp-inspector", "--cli", gateway(), "--transport", "http", "--header", header));
        command.addAll(List.of(arguments));
        return NodePeers.run(90, command.toArray(String[]::new));
    }

    private static HttpResponse<String> awaitEntry(String auditor, String id) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(RunningMesh.url(MeshService.VAULT) + "/api/vault/entries/" + id))
                            .header("Authorization", auditor)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 || Instant.now().isAfter(deadline)) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                return response;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void aStdioAndAnHttpUpstreamAreFederatedBehindOneEndpoint() throws Exception {
        // Given the gateway's registry replica knows the agent
        String token = tokens.clientCredentials(federatedAgent);
        Instant deadline = Instant.now().plusSeconds(20);
        while (ping(token) != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }

        // When the TypeScript SDK client uses a gateway in front of the demo upstream (HTTP) and server-everything,
        // which the gateway starts itself as a stdio child process
        NodePeers.Run run = NodePeers.run(90, "node", "sdk-client.mjs", federatedGateway, token, "federated");

        // Then both upstreams' tools, prompts and resources are there under their upstream's names, and routed
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode seen = JSON.readTree(run.stdout());
        assertThat(seen.path("tools").toString()).contains("demo__get_weather", "everything__echo");
        assertThat(seen.path("tools").toString()).doesNotContain("\"get_weather\"", "\"echo\"");
        assertThat(seen.path("call").asText()).contains("Bonn");
        assertThat(seen.path("echo").asText()).contains("through sigil");
        assertThat(seen.path("prompts").toString()).contains("demo__summarise_inbox", "everything__simple-prompt");
        assertThat(seen.path("prompt").asInt()).isPositive();
        assertThat(seen.path("resources").toString()).contains("demo://readme", "demo://resource/static/");
        assertThat(seen.path("resource").asInt()).isPositive();
        assertThat(seen.path("readme").asText()).isNotBlank();
        // Progress from the stdio child reached the client as it happened, under the client's own token.
        assertThat(seen.path("longRunning").path("progress").toString()).isEqualTo("[1,2,3]");
        assertThat(seen.path("longRunning").path("done").asText()).contains("Long running operation completed");
        assertThat(seen.path("session").asText()).matches("[A-Za-z0-9_-]{32}");
        assertThat(seen.path("afterTerminate").asInt())
                .as("the ended session is unknown")
                .isEqualTo(404);
    }

    @Test
    void theInspectorCliCallsTheStdioUpstreamThroughTheFederatingGateway() throws Exception {
        String token = tokens.clientCredentials(federatedAgent);
        Instant deadline = Instant.now().plusSeconds(20);
        while (ping(token) != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }

        NodePeers.Run call = NodePeers.run(
                90,
                "npx",
                "--no-install",
                "mcp-inspector",
                "--cli",
                federatedGateway,
                "--transport",
                "http",
                "--header",
                "Authorization: Bearer " + token,
                "--method",
                "tools/call",
                "--tool-name",
                "everything__echo",
                "--tool-arg",
                "message=from the inspector");

        assertThat(call.exit()).as(call.stderr()).isZero();
        assertThat(call.stdout()).contains("from the inspector");
    }

    private static int ping(String token) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(federatedGateway))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("MCP-Protocol-Version", "2025-06-18")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void serverEverythingServesThroughTheGatewayIncludingItsSseAnswers() throws Exception {
        NodePeers.Run run = NodePeers.run(
                60,
                "node",
                "sdk-client.mjs",
                everythingGateway,
                tokens.clientCredentials("demo-agent-high"),
                "everything");

        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode seen = JSON.readTree(run.stdout());
        assertThat(seen.path("tools").toString()).contains("echo");
        assertThat(seen.path("call").asText()).contains("through sigil");
        // Progress streamed by the HTTP upstream (SSE) reached the client through the gateway's own SSE answer.
        assertThat(seen.path("longRunning").path("progress").toString()).isEqualTo("[1,2,3]");
        assertThat(seen.path("longRunning").path("done").asText()).contains("Long running operation completed");
        assertThat(seen.path("afterTerminate").asInt())
                .as("the ended session is unknown")
                .isEqualTo(404);
    }
}
