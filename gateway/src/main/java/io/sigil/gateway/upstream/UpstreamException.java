package io.sigil.gateway.upstream;

import io.sigil.core.mcp.JsonRpcError;

/** An upstream that could not be reached, did not answer in time, or answered something that is not MCP. */
public final class UpstreamException extends RuntimeException {

    private final JsonRpcError error;

    public UpstreamException(JsonRpcError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public JsonRpcError error() {
        return error;
    }
}
