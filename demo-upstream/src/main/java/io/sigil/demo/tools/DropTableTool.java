package io.sigil.demo.tools;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;

/** {@code drop_table}: the (simulated) destructive tool that the policy layer gates. */
public class DropTableTool {

    @Tool(
            name = "drop_table",
            description = "Drops a database table.",
            annotations =
                    @Tool.Annotations(
                            readOnlyHint = false,
                            destructiveHint = true,
                            idempotentHint = true,
                            openWorldHint = false))
    ToolResponse dropTable(@ToolArg(name = "table", description = "Name of the table to drop") String table) {
        if (table == null || table.isBlank()) {
            return ToolResponse.error("table must not be blank");
        }
        return ToolResponse.success("table " + table.trim() + " dropped (simulated)");
    }
}
