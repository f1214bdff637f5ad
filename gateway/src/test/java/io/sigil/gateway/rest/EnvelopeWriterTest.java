package io.sigil.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpc;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.model.SigilEnvelope;
import io.sigil.gateway.config.GatewayConfig.EnvelopePlacement;
import io.sigil.gateway.pipeline.Credentials;
import io.sigil.gateway.pipeline.Exchange;
import org.junit.jupiter.api.Test;

class EnvelopeWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Exchange exchange() {
        ObjectNode request =
                JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/call");
        return new Exchange(request, new Credentials("s", "c", null, null), "2025-06-18");
    }

    @Test
    void putsTheEnvelopeIntoResultMetaByDefaultKeepingTheUpstreamsMeta() {
        ObjectNode answer = JsonRpc.result(JSON.getNodeFactory().numberNode(1), JSON.createObjectNode());
        ((ObjectNode) answer.get("result")).putObject("_meta").put("upstream/key", "kept");
        Exchange exchange = exchange();

        new EnvelopeWriter(JSON, EnvelopePlacement.META).write(answer, exchange);

        assertThat(answer.has("_sigil")).isFalse();
        assertThat(answer.at("/result/_meta/upstream~1key").asText()).isEqualTo("kept");
        assertThat(SigilEnvelope.locate(answer).path("audit_id").asText()).isEqualTo(exchange.auditId());
    }

    @Test
    void putsTheEnvelopeIntoErrorDataForRefusals() {
        ObjectNode answer = JsonRpc.error(null, JsonRpcError.FORBIDDEN, "no");

        new EnvelopeWriter(JSON, EnvelopePlacement.META).write(answer, exchange());

        assertThat(answer.at("/error/data").has(SigilEnvelope.META_KEY)).isTrue();
    }

    @Test
    void writesTheSeedsTopLevelFormWhenConfigured() {
        ObjectNode answer = JsonRpc.result(null, JSON.createObjectNode());

        new EnvelopeWriter(JSON, EnvelopePlacement.TOP_LEVEL).write(answer, exchange());

        assertThat(answer.has(SigilEnvelope.MEMBER)).isTrue();
        assertThat(answer.path("result").has("_meta")).isFalse();
    }
}
