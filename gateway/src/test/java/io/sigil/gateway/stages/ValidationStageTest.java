package io.sigil.gateway.stages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.gateway.pipeline.Credentials;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.pipeline.TransportHeaders;
import org.junit.jupiter.api.Test;

class ValidationStageTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ValidationStage stage = new ValidationStage();

    private StageResult validate(String json) throws Exception {
        ObjectNode request = (ObjectNode) mapper.readTree(json);
        return stage.apply(new Exchange(request, new Credentials("s", "c", null, null), "2025-06-18"))
                .toCompletableFuture()
                .join();
    }

    @Test
    void acceptsAWellFormedToolCall() throws Exception {
        assertThat(validate("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Bonn\"}}}"))
                .isEqualTo(StageResult.CONTINUE);
    }

    private StageResult validateStateless(String json, String method, String name) throws Exception {
        ObjectNode request = (ObjectNode) mapper.readTree(json);
        TransportHeaders headers = new TransportHeaders("2026-07-28", method, name);
        return stage.apply(new Exchange(request, new Credentials("s", "c", null, null), headers))
                .toCompletableFuture()
                .join();
    }

    @Test
    void acceptsStatelessHeadersThatMirrorTheBody() throws Exception {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"get_weather\"}}";

        assertThat(validateStateless(call, "tools/call", "get_weather")).isEqualTo(StageResult.CONTINUE);
    }

    @Test
    void refusesStatelessHeadersThatDisagreeWithTheBodyOrAreMissing() throws Exception {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"get_weather\"}}";
        String read =
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":\"demo://readme\"}}";

        for (StageResult result : new StageResult[] {
            validateStateless(call, "tools/call", "drop_table"),
            validateStateless(call, "tools/list", "get_weather"),
            validateStateless(call, null, null),
            validateStateless(read, "resources/read", "demo://other")
        }) {
            assertThat(result).isInstanceOfSatisfying(StageResult.Reject.class, r -> {
                assertThat(r.error()).isEqualTo(JsonRpcError.HEADER_MISMATCH);
                assertThat(r.error().code()).isEqualTo(-32020);
            });
        }
        assertThat(validateStateless(read, "resources/read", "demo://readme")).isEqualTo(StageResult.CONTINUE);
    }

    @Test
    void ignoresTheHeadersInRevisionsThatDoNotHaveThem() throws Exception {
        ObjectNode request = (ObjectNode)
                mapper.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"x\"}}");
        TransportHeaders headers = new TransportHeaders("2025-11-25", "something/else", "y");

        assertThat(stage.apply(new Exchange(request, new Credentials("s", "c", null, null), headers))
                        .toCompletableFuture()
                        .join())
                .isEqualTo(StageResult.CONTINUE);
    }

    @Test
    void refusesAWrongJsonRpcVersion() throws Exception {
        assertThat(validate("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}"))
                .isInstanceOfSatisfying(StageResult.Reject.class, r -> {
                    assertThat(r.error()).isEqualTo(JsonRpcError.INVALID_REQUEST);
                    assertThat(r.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void refusesAToolCallWithoutAName() throws Exception {
        assertThat(validate("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{}}"))
                .isInstanceOfSatisfying(
                        StageResult.Reject.class, r -> assertThat(r.error()).isEqualTo(JsonRpcError.INVALID_PARAMS));
    }

    @Test
    void refusesArgumentsThatAreNotAnObject() throws Exception {
        assertThat(validate("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"x\",\"arguments\":[1]}}"))
                .isInstanceOf(StageResult.Reject.class);
    }

    @Test
    void refusesAnIdThatIsNeitherStringNorInteger() throws Exception {
        assertThat(validate("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}"))
                .isInstanceOf(StageResult.Reject.class);
    }
}
