package io.sigil.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the header and checkpoint lines in the plain form {@link ExportWriter} writes (one flat object of known
 * names with string, integer or null values) without Jackson, whose ObjectMapper takes about a fifth of a second of
 * CPU to start in a fresh JVM. Returns null for any line it does not fully understand, to be read by Jackson, which
 * then gives the same result or the exact error.
 */
final class PlainLineParser {
    private static final Object NULL = new Object();
    private static final Set<String> HEADER_NAMES = Set.of("type", "version", "genesis_epoch", "epoch_seconds");
    private static final Set<String> CHECKPOINT_NAMES = Set.of(
            "type", "chain", "tree_size", "root", "head_seq", "head_mac", "epoch", "issued_at", "key_id", "signature");

    private final JsonCursor json = new JsonCursor();
    private final Utf8Buffer text = new Utf8Buffer();
    private final Map<String, Object> fields = new HashMap<>();

    /** The header on the line {@code in[start, end)}, or null. */
    ExportHeader header(byte[] in, int start, int end) {
        Map<String, Object> f = fields(in, start, end, HEADER_NAMES);
        if (f == null
                || !ExportHeader.TYPE.equals(f.get("type"))
                || !Long.valueOf(ExportHeader.CURRENT_VERSION).equals(f.get("version"))
                || !(f.get("genesis_epoch") instanceof Long genesis)
                || !(f.get("epoch_seconds") instanceof Long seconds)) {
            return null;
        }
        return ExportHeader.of(genesis, seconds);
    }

    /** The checkpoint on the line {@code in[start, end)}, or null (also for a line of another type). */
    Checkpoint checkpoint(byte[] in, int start, int end) {
        Map<String, Object> f = fields(in, start, end, CHECKPOINT_NAMES);
        if (f == null
                || !ExportWriter.CHECKPOINT.equals(f.get("type"))
                || !(f.get("chain") instanceof String chain)
                || !(f.get("tree_size") instanceof Long treeSize)
                || !(f.get("root") instanceof String root)
                || !(f.get("head_seq") instanceof Long headSeq)
                || !(f.get("epoch") instanceof Long epoch)
                || !(f.get("issued_at") instanceof String issuedAt)
                || !optional(f, "head_mac")
                || !optional(f, "key_id")
                || !optional(f, "signature")) {
            return null;
        }
        try {
            return new Checkpoint(
                    chain,
                    treeSize,
                    Hex.decode(root),
                    headSeq,
                    optionalHex(f.get("head_mac")),
                    epoch,
                    Instant.parse(issuedAt),
                    (String) optionalValue(f.get("key_id")),
                    optionalHex(f.get("signature")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }

    /** Absent, null or a string. */
    private static boolean optional(Map<String, Object> f, String name) {
        Object value = f.get(name);
        return value == null || value == NULL || value instanceof String;
    }

    private static Object optionalValue(Object value) {
        return value == NULL ? null : value;
    }

    private static byte[] optionalHex(Object value) {
        return value instanceof String hex ? Hex.decode(hex) : null;
    }

    /** The members of a flat object with only {@code names}, each once; null for anything else. */
    private Map<String, Object> fields(byte[] in, int start, int end, Set<String> names) {
        fields.clear();
        try {
            json.reset(in, start, end, 0);
            json.expect('{');
            if (json.peek() == '}') {
                json.skipByte();
            } else {
                do {
                    String name = string();
                    json.expect(':');
                    Object value = value();
                    if (name == null || value == null || !names.contains(name) || fields.put(name, value) != null) {
                        return null;
                    }
                } while (json.comma('}'));
            }
            json.expectEnd();
            return fields;
        } catch (ExportFormatException e) {
            return null;
        }
    }

    /** A string, integer or null value; Java null for any other. */
    private Object value() throws ExportFormatException {
        int c = json.peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return json.readNumber() == JsonCursor.Number.LONG ? json.longValue() : null;
        }
        return c == 'n' && json.readLiteral() == 'n' ? NULL : null;
    }

    /** The string at the cursor; null if it held an unpaired surrogate, whose Java text the UTF-8 bytes lose. */
    private String string() throws ExportFormatException {
        json.readString(text);
        return json.loneSurrogate() ? null : new String(text.bytes, 0, text.length, StandardCharsets.UTF_8);
    }
}
