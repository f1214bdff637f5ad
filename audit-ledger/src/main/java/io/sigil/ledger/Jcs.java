package io.sigil.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** RFC 8785 JSON Canonicalization Scheme over Jackson trees (written by {@link JcsWriter}, one per thread). */
public final class Jcs {
    private static final ThreadLocal<JcsWriter> PER_THREAD = ThreadLocal.withInitial(JcsWriter::new);

    private Jcs() {}

    /** The canonical form as UTF-8 bytes, ready to hash or sign. */
    public static byte[] canonicalize(JsonNode node) {
        return PER_THREAD.get().canonicalize(node);
    }

    /** The canonical form as text; throws IllegalArgumentException for values JCS cannot represent. */
    public static String canonicalString(JsonNode node) {
        return new String(canonicalize(node), StandardCharsets.UTF_8);
    }
}
