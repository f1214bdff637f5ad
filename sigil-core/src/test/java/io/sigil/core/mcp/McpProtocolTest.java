package io.sigil.core.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.api.Test;

class McpProtocolTest {

    @Test
    void keepsASupportedRevisionAndOffersTheNewestOtherwise() {
        assertThat(McpProtocol.negotiate("2025-06-18")).isEqualTo("2025-06-18");
        assertThat(McpProtocol.negotiate("2024-11-05")).isEqualTo(McpProtocol.LATEST);
        assertThat(McpProtocol.negotiate(null)).isEqualTo(McpProtocol.LATEST);
        assertThat(McpProtocol.isStateless("2026-07-28")).isTrue();
    }

    @Test
    void readsTheRevisionHeaderAssumingAnOldRevisionWhenItIsAbsent() {
        assertThat(McpProtocol.fromHeader(null)).contains("2025-06-18");
        assertThat(McpProtocol.fromHeader("2026-07-28")).contains("2026-07-28");
        assertThat(McpProtocol.fromHeader("1999-01-01")).isEmpty();
    }

    @Test
    void buildsErrorsWithTheSpecifiedCodes() {
        var error = JsonRpc.error(IntNode.valueOf(7), JsonRpcError.HEADER_MISMATCH, "Mcp-Name");

        assertThat(error.get("error").get("code").asInt()).isEqualTo(-32020);
        assertThat(error.get("id").asInt()).isEqualTo(7);
        assertThat(error.get("jsonrpc").asText()).isEqualTo("2.0");
    }
}
