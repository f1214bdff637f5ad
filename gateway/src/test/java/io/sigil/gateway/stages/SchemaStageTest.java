package io.sigil.gateway.stages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.gateway.pipeline.Credentials;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.testing.Upstreams;
import io.sigil.gateway.upstream.UpstreamException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SchemaStageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TOOLS = "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{\"tools\":["
            + "{\"name\":\"get_weather\",\"inputSchema\":{\"type\":\"object\",\"required\":[\"city\"],"
            + "\"properties\":{\"city\":{\"type\":\"string\",\"minLength\":1}},\"additionalProperties\":false}},"
            + "{\"name\":\"fetch\",\"inputSchema\":{\"$ref\":\"https://127.0.0.1:1/s.json\"}}]}}";

    private final SchemaStage stage = new SchemaStage(Upstreams.single("demo", request -> {
        try {
            return CompletableFuture.completedFuture((ObjectNode) JSON.readTree(TOOLS));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }));

    private static StageResult call(SchemaStage stage, String tool, String arguments) throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}");
        return stage.apply(new Exchange(request, new Credentials("s", "c", null, null), "2025-06-18"))
                .toCompletableFuture()
                .join();
    }

    @Test
    void passesArgumentsThatMatchTheToolsSchema() throws Exception {
        assertThat(call(stage, "get_weather", "{\"city\":\"Bonn\"}")).isEqualTo(StageResult.CONTINUE);
    }

    @Test
    void refusesArgumentsThatDoNotMatchNamingTheProblemButNotTheValue() throws Exception {
        // Given a call whose city is a number and which adds a property the schema forbids
        // When
        StageResult result = call(stage, "get_weather", "{\"city\":4711,\"secret\":\"hunter2-value\"}");

        // Then
        assertThat(result).isInstanceOfSatisfying(StageResult.Reject.class, reject -> {
            assertThat(reject.error()).isEqualTo(JsonRpcError.INVALID_PARAMS);
            assertThat(reject.httpStatus()).isEqualTo(400);
            assertThat(reject.detail()).contains("get_weather").contains("city").doesNotContain("hunter2-value");
        });
    }

    @Test
    void refusesAMissingRequiredArgument() throws Exception {
        assertThat(call(stage, "get_weather", "{}"))
                .isInstanceOfSatisfying(
                        StageResult.Reject.class, r -> assertThat(r.detail()).contains("city"));
    }

    @Test
    void refusesAToolTheUpstreamDoesNotOffer() throws Exception {
        assertThat(call(stage, "launch_missiles", "{}")).isInstanceOfSatisfying(StageResult.Reject.class, r -> {
            assertThat(r.error()).isEqualTo(JsonRpcError.INVALID_PARAMS);
            assertThat(r.detail()).isEqualTo("unknown tool: launch_missiles");
        });
    }

    @Test
    void refusesAToolWhoseSchemaWouldMakeTheGatewayFetchADocument() throws Exception {
        assertThat(call(stage, "fetch", "{}"))
                .isInstanceOfSatisfying(
                        StageResult.Reject.class, r -> assertThat(r.detail()).contains("external"));
    }

    @Test
    void failsClosedWhenTheCatalogueCannotBeRead() throws Exception {
        SchemaStage blind = new SchemaStage(Upstreams.single(
                "demo",
                request -> CompletableFuture.failedFuture(
                        new UpstreamException(JsonRpcError.UPSTREAM_UNAVAILABLE, "down"))));

        assertThat(call(blind, "get_weather", "{\"city\":\"Bonn\"}"))
                .isInstanceOfSatisfying(StageResult.Reject.class, r -> {
                    assertThat(r.error()).isEqualTo(JsonRpcError.UPSTREAM_UNAVAILABLE);
                    assertThat(r.httpStatus()).isEqualTo(502);
                });
    }

    @Test
    void letsEverythingButToolCallsThrough() throws Exception {
        ObjectNode list = (ObjectNode) JSON.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        StageResult result = stage.apply(new Exchange(list, new Credentials("s", "c", null, null), "2025-06-18"))
                .toCompletableFuture()
                .join();

        assertThat(result).isEqualTo(StageResult.CONTINUE);
    }
}
