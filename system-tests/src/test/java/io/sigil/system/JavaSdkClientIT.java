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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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
        return client(gateway, token, note -> {});
    }

    private static McpSyncClient client(
            String gateway, String token, Consumer<McpSchema.ProgressNotification> progress) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(gateway)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(20))
                .clientInfo(new McpSchema.Implementation("sigil-system-test", "1.0"))
                .progressConsumer(progress)
                .build();
    }

    @Test
    void callsToolsWithProgressResourcesAndPromptsOfServerEverythingRunAsAStdioChild() throws Exception {
        // Given a gateway whose one upstream is server-everything, started by the gateway over stdio
        String gateway = mesh.startGateway(
                TcpProxy.freePort(),
                Map.of(
                        // An empty value clears the built-in default URL of the upstream named demo.
                        "sigil.gateway.upstreams.demo.url",
                        "",
                        "sigil.gateway.upstreams.demo.command",
                        "node," + NodePeers.everythingScript() + ",stdio"));

        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = client(gateway, tokens.clientCredentials("demo-agent-high"), progress::add)) {
            // When
            client.initialize();
            McpSchema.ListToolsResult tools = client.listTools();
            McpSchema.CallToolResult echo =
                    client.callTool(new McpSchema.CallToolRequest("echo", Map.of("message", "from the java sdk")));
            McpSchema.CallToolResult longRunning = client.callTool(McpSchema.CallToolRequest.builder()
                    .name("trigger-long-running-operation")
                    .arguments(Map.of("duration", 1, "steps", 3))
                    .progressToken("java-sdk-progress")
                    .build());
            List<McpSchema.Resource> resources = client.listResources().resources();
            McpSchema.ReadResourceResult resource = client.readResource(resources.get(0));
            List<McpSchema.Prompt> prompts = client.listPrompts().prompts();
            McpSchema.GetPromptResult prompt =
                    client.getPrompt(new McpSchema.GetPromptRequest("simple-prompt", Map.of()));

            // Then tools, SSE progress (relayed under the gateway's own token), resources and prompts came through
            assertThat(tools.tools()).extracting(McpSchema.Tool::name).contains("echo");
            assertThat(echo.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(echo.content().toString()).contains("from the java sdk");
            assertThat(longRunning.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(longRunning.content().toString()).contains("Long running operation completed");
            assertThat(progress)
                    .extracting(McpSchema.ProgressNotification::progress)
                    .containsExactly(1.0, 2.0, 3.0);
            assertThat(progress)
                    .extracting(McpSchema.ProgressNotification::progressToken)
                    .containsOnly("java-sdk-progress");
            assertThat(resource.contents()).isNotEmpty();
            assertThat(prompts).extracting(McpSchema.Prompt::name).contains("simple-prompt");
            assertThat(prompt.messages()).isNotEmpty();
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
