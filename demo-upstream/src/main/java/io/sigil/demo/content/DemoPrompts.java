package io.sigil.demo.content;

import io.quarkiverse.mcp.server.Prompt;
import io.quarkiverse.mcp.server.PromptArg;
import io.quarkiverse.mcp.server.PromptMessage;
import io.sigil.demo.tools.FakeEmail;
import io.sigil.demo.tools.FakeMailbox;
import java.util.stream.Collectors;

/** The demo's one prompt, {@code summarise_inbox}, which embeds the (fake, PII-laden) mailbox in the prompt text. */
public class DemoPrompts {

    private final FakeMailbox mailbox;

    public DemoPrompts(FakeMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Prompt(name = "summarise_inbox", description = "Asks the model to summarise the messages in a mailbox folder.")
    PromptMessage summariseInbox(
            @PromptArg(
                            name = "folder",
                            description = "Mailbox folder (default: inbox)",
                            required = false,
                            defaultValue = FakeMailbox.DEFAULT_FOLDER)
                    String folder) {
        String messages =
                mailbox.messages(folder).stream().map(FakeEmail::render).collect(Collectors.joining("\n---\n"));
        return PromptMessage.withUserRole(
                "Summarise the following emails in three bullet points, listing any requested actions:\n\n" + messages);
    }
}
