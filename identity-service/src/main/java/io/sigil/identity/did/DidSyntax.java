package io.sigil.identity.did;

import io.sigil.core.identity.IdentityRecords;
import java.util.regex.Pattern;

/** The DID syntax of W3C DID Core 1.0 (section 3.1), and the {@code did:sigil:} method this registry serves. */
public final class DidSyntax {

    /** Longer identifiers are refused: nothing legitimate needs them, and they end up in keys and logs. */
    public static final int MAX_LENGTH = 200;

    private static final String ID_CHAR = "(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})";

    /** {@code did:<method>:<method-specific-id>}; the id is colon-separated runs of id characters. */
    private static final Pattern DID = Pattern.compile("did:[a-z0-9]+:(?:" + ID_CHAR + "*:)*" + ID_CHAR + "+");

    private DidSyntax() {}

    /** Whether {@code value} is a DID of any method. */
    public static boolean isDid(String value) {
        return value != null
                && value.length() <= MAX_LENGTH
                && DID.matcher(value).matches();
    }

    /** Whether {@code value} is a DID of the {@code sigil} method. */
    public static boolean isSigilDid(String value) {
        return isDid(value) && value.startsWith(IdentityRecords.DID_PREFIX);
    }
}
