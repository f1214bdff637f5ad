package io.sigil.core.mcp;

/**
 * A JSON-RPC error code and its meaning. Codes -32700..-32600 are JSON-RPC's own; -32000..-32099 are the
 * server range, where SIGIL puts its refusals so that clients can tell them apart.
 */
public enum JsonRpcError {
    PARSE_ERROR(-32700, "Parse error"),
    INVALID_REQUEST(-32600, "Invalid Request"),
    METHOD_NOT_FOUND(-32601, "Method not found"),
    INVALID_PARAMS(-32602, "Invalid params"),
    INTERNAL_ERROR(-32603, "Internal error"),
    UNAUTHENTICATED(-32001, "Authentication required"),
    FORBIDDEN(-32003, "Forbidden by policy"),
    UPSTREAM_UNAVAILABLE(-32004, "Upstream unavailable"),
    UPSTREAM_TIMEOUT(-32005, "Upstream timed out"),
    UPSTREAM_INVALID(-32006, "Upstream answered invalid JSON-RPC"),
    AUDIT_UNAVAILABLE(-32010, "Audit trail unavailable"),
    IDENTITY_UNAVAILABLE(-32011, "Identity registry unavailable"),
    INSUFFICIENT_TRUST(-32012, "Insufficient trust level"),
    VAULT_UNAVAILABLE(-32013, "Vault unavailable"),
    HEADER_MISMATCH(-32020, "Mcp-Method or Mcp-Name header does not match the body");

    private final int code;
    private final String message;

    JsonRpcError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }
}
