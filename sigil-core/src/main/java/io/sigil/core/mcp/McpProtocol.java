package io.sigil.core.mcp;

import java.util.List;

/** The MCP protocol revisions the mesh speaks, and version negotiation. */
public final class McpProtocol {

    public static final String V2025_06_18 = "2025-06-18";
    public static final String V2025_11_25 = "2025-11-25";
    /** The stateless revision: no sessions; {@code Mcp-Method}/{@code Mcp-Name} headers mirror the body. */
    public static final String V2026_07_28 = "2026-07-28";

    /** Newest first. */
    public static final List<String> SUPPORTED = List.of(V2026_07_28, V2025_11_25, V2025_06_18);

    public static final String LATEST = SUPPORTED.get(0);

    public static final String HEADER_PROTOCOL_VERSION = "MCP-Protocol-Version";
    public static final String HEADER_SESSION_ID = "Mcp-Session-Id";
    public static final String HEADER_METHOD = "Mcp-Method";
    public static final String HEADER_NAME = "Mcp-Name";

    private McpProtocol() {}

    /**
     * The revision to answer with: the client's if supported, else the newest we speak (the client then
     * decides whether it can continue), as the lifecycle section of the specification prescribes.
     */
    public static String negotiate(String requested) {
        return requested != null && SUPPORTED.contains(requested) ? requested : LATEST;
    }

    /**
     * The revision a request's {@code MCP-Protocol-Version} header names: absent means a client from before the
     * header existed, so the oldest revision we speak is assumed (never the stateless one); a value we do not
     * speak is empty, and the transport answers 400.
     */
    public static java.util.Optional<String> fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return java.util.Optional.of(V2025_06_18);
        }
        return SUPPORTED.contains(header.trim()) ? java.util.Optional.of(header.trim()) : java.util.Optional.empty();
    }

    public static boolean isStateless(String version) {
        return V2026_07_28.equals(version);
    }
}
