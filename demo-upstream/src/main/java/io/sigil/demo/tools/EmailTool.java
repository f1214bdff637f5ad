package io.sigil.demo.tools;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;

/** {@code read_email}: returns a fake email full of fake PII, for the scanner and vault to find. */
public class EmailTool {

    private final FakeMailbox mailbox;

    public EmailTool(FakeMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Tool(
            name = "read_email",
            description = "Reads the newest email in a mailbox folder.",
            annotations =
                    @Tool.Annotations(
                            readOnlyHint = true,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    ToolResponse readEmail(
            @ToolArg(
                            name = "folder",
                            description = "Mailbox folder (default: inbox)",
                            required = false,
                            defaultValue = FakeMailbox.DEFAULT_FOLDER)
                    String folder) {
        return ToolResponse.success(mailbox.latest(folder).render());
    }
}
