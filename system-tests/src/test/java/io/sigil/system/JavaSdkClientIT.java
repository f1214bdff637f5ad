package io.sigil.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.MeshService;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official Java MCP SDK client, with a real Keycloak token, speaks MCP to the demo upstream through the gateway. */
class JavaSdkClientIT {

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

    private static McpSyncClient client(String token) {
        return client(RunningMesh.url(MeshService.GATEWAY), token);
    }

    private static McpSyncClient client(String gateway, String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(gateway)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(20))
                .clientInfo(new McpSchema.Implementation("sigil-system-test", "1.0"))
                .build();
    }

    @Test
    void callsServerEverythingThatTheGatewayRunsAsAStdioChild() throws Exception {
        // Given a gateway whose one upstream is server-everything, started by the gateway over stdio
        String gateway = mesh.startGateway(
                TcpProxy.freePort(),
                Map.of(
                        // An empty value clears the built-in default URL of the upstream named demo.
                        "sigil.gateway.upstreams.demo.url",
                        "",
                        "sigil.gateway.upstreams.demo.command",
                        "node," + NodePeers.everythingScript() + ",stdio"));

        try (McpSyncClient client = client(gateway, tokens.clientCredentials("demo-agent-high"))) {
            // When
            client.initialize();
            McpSchema.ListToolsResult tools = client.listTools();
            McpSchema.CallToolResult echo =
                    client.callTool(new McpSchema.CallToolRequest("echo", Map.of("message", "from the java sdk")));

            // Then
            assertThat(tools.tools()).extracting(McpSchema.Tool::name).contains("echo");
            assertThat(echo.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(echo.content().toString()).contains("from the java sdk");
        }
    }

    @Test
    void initialisesListsAndCallsToolsThroughTheGateway() {
        try (McpSyncClient client = client(tokens.clientCredentials("demo-agent-high"))) {
            // When
            McpSchema.InitializeResult init = client.initialize();
            McpSchema.ListToolsResult tools = client.listTools();
            McpSchema.CallToolResult weather =
                    client.callTool(new McpSchema.CallToolRequest("get_weather", Map.of("city", "Bonn")));

            // Then the gateway answered as the MCP server, and the upstream's tools and answers came through
            assertThat(init.serverInfo().name()).isEqualTo("sigil-gateway");
            assertThat(tools.tools()).extracting(McpSchema.Tool::name).contains("get_weather", "transfer_funds");
            assertThat(weather.isError()).isFalse();
            assertThat(((McpSchema.TextContent) weather.content().get(0)).text())
                    .contains("Bonn");
        }
    }

    @Test
    void seesTheGatewaysRefusalOfArgumentsThatBreakTheSchema() {
        try (McpSyncClient client = client(tokens.clientCredentials("demo-agent-low"))) {
            client.initialize();

            assertThatThrownBy(
                            () -> client.callTool(new McpSchema.CallToolRequest("get_weather", Map.of("town", "Bonn"))))
                    .hasMessageContaining("get_weather");
        }
    }

    @Test
    void cannotEvenInitialiseWithoutAValidToken() {
        try (McpSyncClient client = client("not-a-token")) {
            assertThatThrownBy(client::initialize).isInstanceOf(RuntimeException.class);
        }
    }
}
