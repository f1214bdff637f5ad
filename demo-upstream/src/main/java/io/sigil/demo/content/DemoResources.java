package io.sigil.demo.content;

import io.quarkiverse.mcp.server.Resource;
import io.quarkiverse.mcp.server.TextResourceContents;

/** The demo's one resource, {@value #README_URI}, so resources/list and resources/read can be exercised. */
public class DemoResources {

    /** URI of the readme resource. */
    public static final String README_URI = "demo://readme";

    static final String README = String.join(
            "\n",
            "SIGIL demo upstream MCP server",
            "",
            "A deliberately leaky MCP server that the SIGIL gateway fronts in the demo and in tests.",
            "Tools: get_weather, read_email (fake PII), get_deploy_config (fake credentials),",
            "transfer_funds, drop_table (destructive, simulated) and slow_echo (for timeouts).",
            "Every credential, IBAN, address and phone number it returns is fake.");

    @Resource(
            uri = README_URI,
            name = "readme",
            description = "What this demo server is and which tools it offers.",
            mimeType = "text/plain")
    TextResourceContents readme() {
        return new TextResourceContents(README_URI, README, "text/plain");
    }
}
