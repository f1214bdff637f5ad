package io.sigil.gateway.stages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.gateway.pipeline.Credentials;
import io.sigil.gateway.pipeline.Exchange;

/** A {@code tools/call} exchange of a high-trust demo agent, for stage tests. */
final class ToolCalls {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ToolCalls() {}

    static Exchange exchange(String arguments) {
        try {
            ObjectNode request =
                    MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", 7).put("method", "tools/call");
            request.putObject("params").put("name", "send").set("arguments", MAPPER.readTree(arguments));
            return new Exchange(request, new Credentials("s", "demo-agent-high", null, null), "2025-06-18");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
