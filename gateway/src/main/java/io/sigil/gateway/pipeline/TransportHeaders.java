package io.sigil.gateway.pipeline;

/**
 * What the HTTP transport said about a request beside its body.
 *
 * @param protocolVersion the negotiated MCP revision
 * @param mcpMethod the {@code Mcp-Method} header, or null
 * @param mcpName the {@code Mcp-Name} header, or null
 */
public record TransportHeaders(String protocolVersion, String mcpMethod, String mcpName) {}
