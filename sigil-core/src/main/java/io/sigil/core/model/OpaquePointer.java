package io.sigil.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LLM-safe text that replaces a vaulted finding. Its rendering is fixed by the protocol byte for
 * byte; the vault id that makes it addressable travels beside it, in {@code _sigil.interceptions}.
 *
 * @param category the human-readable category, e.g. {@code IBAN}
 * @param vaultId the id of the {@link VaultEntry} holding the ciphertext
 */
public record OpaquePointer(String category, String vaultId) {

    /** U+2014 EM DASH, as the protocol writes it. */
    public static final String DASH = "\u2014";

    private static final Pattern RENDERED =
            Pattern.compile("\\[SIGIL-VAULT: ([^\\]\\u2014]+?) \u2014 Access Required\\]");

    public OpaquePointer {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(vaultId, "vaultId");
        if (category.isBlank() || category.indexOf(']') >= 0 || category.contains(DASH)) {
            throw new IllegalArgumentException("category must be non-blank and free of ']' and the em dash");
        }
    }

    /** The exact protocol text: {@code [SIGIL-VAULT: IBAN — Access Required]}. */
    public String render() {
        return render(category);
    }

    public static String render(String category) {
        return "[SIGIL-VAULT: " + category + " " + DASH + " Access Required]";
    }

    /** The category of the first pointer in a text, if it holds one. */
    public static Optional<String> findCategory(CharSequence text) {
        Matcher matcher = RENDERED.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
