package io.sigil.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.MeshService;
import io.sigil.devstack.PortGuard;
import io.sigil.devstack.StackProfile;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real MCP software nobody here wrote, from npm with pinned versions, through the gateway: the official
 * TypeScript SDK client and the Inspector CLI against the demo upstream, and the TypeScript client against
 * a second gateway whose upstream is {@code server-everything} (which answers with SSE).
 */
class NodePeersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningMesh mesh;
    private static Process everything;
    private static String everythingGateway;
    private static KeycloakTokens tokens;

    @BeforeAll
    static void start() throws Exception {
        mesh = RunningMesh.start(MeshService.DEMO_UPSTREAM, MeshService.AUDIT, MeshService.GATEWAY);
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

        NodePeers.Run list = NodePeers.run(
                90,
                "npx",
                "--no-install",
                "mcp-inspector",
                "--cli",
                gateway(),
                "--transport",
                "http",
                "--header",
                header,
                "--method",
                "tools/list");
        NodePeers.Run call = NodePeers.run(
                90,
                "npx",
                "--no-install",
                "mcp-inspector",
                "--cli",
                gateway(),
                "--transport",
                "http",
                "--header",
                header,
                "--method",
                "tools/call",
                "--tool-name",
                "get_weather",
                "--tool-arg",
                "city=Potsdam");

        assertThat(list.exit()).as(list.stderr()).isZero();
        assertThat(list.stdout()).contains("get_weather").contains("transfer_funds");
        assertThat(call.exit()).as(call.stderr()).isZero();
        assertThat(call.stdout()).contains("Potsdam");
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
    }
}
