package io.sigil.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sigil.core.model.SigilEnvelope;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The demo that {@code ./sigil-mesh up} runs once the mesh is ready: prints how to reach it, makes one tool
 * call through the gateway with a real token and shows the audit record it left, then one whose answer holds fake
 * PII and shows the vault entry that holds what the agent was not shown.
 */
public final class MeshDemo {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final StackState state;
    private final StackProfile profile;
    private final PrintStream out;

    public MeshDemo(StackState state, StackProfile profile, PrintStream out) {
        this.state = state;
        this.profile = profile;
        this.out = out;
    }

    private String gatewayMcp() {
        return "http://127.0.0.1:" + MeshService.GATEWAY.port(profile) + "/mcp";
    }

    public void printBanner() {
        String tokenUrl = state.realmUrl() + "/protocol/openid-connect/token";
        out.println();
        out.println("SIGIL mesh is up.");
        out.println("  Gateway (MCP, Streamable HTTP): " + gatewayMcp());
        out.println("  Keycloak:                        " + state.keycloakUrl() + "  (realm " + StackState.REALM + ")");
        for (MeshService service : MeshService.values()) {
            out.printf(
                    "  %-16s http://127.0.0.1:%d  (health /q/health, metrics /q/metrics, OpenAPI /q/openapi)%n",
                    service.module(), service.port(profile));
        }
        out.println("  Demo agents (client credentials, development secrets only):");
        for (String client : new String[] {"demo-agent-low", "demo-agent-medium", "demo-agent-high"}) {
            out.println("    " + client + " / " + KeycloakTokens.devSecret(client));
        }
        out.println("  Demo users (password grant via client sigil-cli): alice (eIDAS low), bob (substantial),"
                + " carol (high); password <user>-dev-password");
        out.println("  SOC client for the audit API: sigil-soc / " + KeycloakTokens.devSecret("sigil-soc"));
        out.println();
        out.println("Try it:");
        out.println("  TOKEN=$(curl -s " + tokenUrl + " -d grant_type=client_credentials -d client_id=demo-agent-high"
                + " -d client_secret=" + KeycloakTokens.devSecret("demo-agent-high")
                + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        out.println("  curl -s " + gatewayMcp() + " -H \"Authorization: Bearer $TOKEN\""
                + " -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream'"
                + " -d '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Frankfurt\"}}}'");
        out.println();
    }

    /** One call through the gateway, and its audit record; returns false if any step failed. */
    public boolean run() {
        try {
            KeycloakTokens tokens = new KeycloakTokens(state.realmUrl());
            String agent = tokens.clientCredentials("demo-agent-high");
            out.println("Demo: demo-agent-high calls get_weather through the gateway ...");
            HttpResponse<String> call = callTool(agent, 1, "get_weather", "{\"city\":\"Frankfurt\"}");
            JsonNode answer = JSON.readTree(call.body());
            out.println("HTTP " + call.statusCode() + "\n" + JSON.writeValueAsString(answer));
            String auditId = SigilEnvelope.locate(answer).path("audit_id").asText("");
            if (call.statusCode() != 200 || auditId.isEmpty()) {
                return false;
            }
            String soc = tokens.clientCredentials("sigil-soc");
            URI audit = URI.create(
                    "http://127.0.0.1:" + MeshService.AUDIT.port(profile) + "/api/audit/events?audit_id=" + auditId);
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)) {
                HttpResponse<String> stored = HTTP.send(
                        HttpRequest.newBuilder(audit)
                                .header("Authorization", "Bearer " + soc)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode records = JSON.readTree(stored.body());
                // The gateway records the call twice under one audit id: at admission, and with its outcome.
                JsonNode outcome = null;
                for (JsonNode record : records) {
                    if ("tools/call".equals(record.path("activity").asText())) {
                        outcome = record;
                    }
                }
                if (stored.statusCode() == 200 && outcome != null) {
                    out.println("Audit id " + auditId + ": " + records.size()
                            + " record(s) as audit-service stored them from Kafka; the call's outcome:");
                    out.println(JSON.writeValueAsString(outcome));
                    return vaulted(agent, soc);
                }
                Thread.sleep(250);
            }
            out.println("The audit record of " + auditId + " did not arrive within 20 s");
            return false;
        } catch (Exception e) {
            out.println("Demo failed: " + e.getMessage());
            return false;
        }
    }

    private HttpResponse<String> callTool(String agent, int id, String tool, String arguments) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(gatewayMcp()))
                        .header("Authorization", "Bearer " + agent)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":" + id
                                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":"
                                + arguments + "}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A call whose answer holds fake PII: the agent sees pointers, the envelope names vault entries, and
     * vault-service shows one entry's metadata (never its value) to the SOC.
     */
    private boolean vaulted(String agent, String soc) throws Exception {
        out.println();
        out.println("Demo: demo-agent-high reads an email full of fake PII; the gateway vaults each finding ...");
        HttpResponse<String> call = callTool(agent, 2, "read_email", "{\"folder\":\"inbox\"}");
        JsonNode answer = JSON.readTree(call.body());
        out.println("HTTP " + call.statusCode() + ", what the agent reads:");
        out.println(answer.path("result").path("content").path(0).path("text").asText(""));
        JsonNode interceptions = SigilEnvelope.locate(answer).path("interceptions");
        out.println("Interceptions: " + JSON.writeValueAsString(interceptions));
        String vaultId = interceptions.path(0).path("vault_id").asText("");
        if (call.statusCode() != 200 || vaultId.isEmpty()) {
            return false;
        }
        URI entry = URI.create("http://127.0.0.1:" + MeshService.VAULT.port(profile) + "/api/vault/entries/" + vaultId);
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> stored = HTTP.send(
                    HttpRequest.newBuilder(entry)
                            .header("Authorization", "Bearer " + soc)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (stored.statusCode() == 200) {
                out.println("Vault entry " + vaultId + " as vault-service stored it (sealed; metadata only):");
                out.println(JSON.writeValueAsString(JSON.readTree(stored.body())));
                return true;
            }
            Thread.sleep(250);
        }
        out.println("The vault entry " + vaultId + " did not arrive within 20 s");
        return false;
    }
}
