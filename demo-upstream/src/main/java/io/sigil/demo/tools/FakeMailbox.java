package io.sigil.demo.tools;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/** A fixed, fake mailbox whose messages carry fake PII (IBANs, an example.com address, a 555 phone number). */
@ApplicationScoped
public class FakeMailbox {

    /** Fake sender address (example.com is reserved for documentation). */
    public static final String SENDER = "jane.doe@example.com";

    /** Fake phone number (555-01xx numbers are reserved for fiction). */
    public static final String PHONE = "+1 202-555-0147";

    /** The folder a read without an explicit folder goes to. */
    public static final String DEFAULT_FOLDER = "inbox";

    /** The newest message in {@code folder} (every folder holds the same fake invoice). */
    public FakeEmail latest(String folder) {
        String name = folder == null || folder.isBlank()
                ? DEFAULT_FOLDER
                : folder.trim().toLowerCase(Locale.ROOT);
        String body = String.join(
                "\n",
                "Hi,",
                "",
                "please settle invoice INV-2024-0042 (EUR 1,250.00) by Friday.",
                "Primary account:   " + FakeIban.DOCUMENTATION_EXAMPLE,
                "Secondary account: " + FakeIban.COMPUTED,
                "",
                "Questions? Call me on " + PHONE + " or reply to " + SENDER + ".",
                "",
                "Jane Doe",
                "Accounts, Example Corp");
        return new FakeEmail(name, "Jane Doe <" + SENDER + ">", "you@example.com", "Invoice INV-2024-0042", body);
    }

    /** All messages in {@code folder}, newest first. */
    public List<FakeEmail> messages(String folder) {
        return List.of(latest(folder));
    }
}
