package io.sigil.audit.sealing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Recognises, in one pass over its bytes, a JSON value that is already in the RFC 8785 form the sealer would write,
 * and picks out the selected members on the way. Producers of the mesh send their events canonical, so the sealer
 * can seal them as received instead of parsing a tree and writing it again. Only a plain subset is recognised:
 * ASCII, integers of at most 2^53, JCS's own escapes, names without escapes. Anything else is declined (null), and
 * the caller canonicalises the long way; declining is always safe, accepting is exact.
 */
final class CanonicalInput {

    /** Members to pick: each selected name with the members to pick inside it (none: the value itself). */
    static final class Selection {

        static final Selection VALUE = new Selection(Map.of());

        private final byte[][] names;
        private final Selection[] members;

        Selection(Map<String, Selection> members) {
            this.names = new byte[members.size()][];
            this.members = new Selection[members.size()];
            int i = 0;
            for (Map.Entry<String, Selection> member : members.entrySet()) {
                names[i] = member.getKey().getBytes(StandardCharsets.US_ASCII);
                this.members[i++] = member.getValue();
            }
        }

        boolean picksInside() {
            return names.length > 0;
        }

        /** The member picked under the name at {@code in[start, end)}, null when it is not selected. */
        Selection child(byte[] in, int start, int end) {
            // Few names, compared as bytes: no string is made for the many members nobody asked for.
            for (int i = 0; i < names.length; i++) {
                if (Arrays.equals(names[i], 0, names[i].length, in, start, end)) {
                    return members[i];
                }
            }
            return null;
        }
    }

    /** Deeper than this is left to the parser, which has its own nesting limit. */
    private static final int MAX_DEPTH = 64;
    /** Longer names and texts are left to the parser, which has its own length limits. */
    private static final int MAX_NAME = 1_000;

    private static final int MAX_TEXT = 1_000_000;
    private static final long MAX_EXACT = 1L << 53;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Bytes a canonical string holds as they are: printable ASCII and DEL, but the quote and the backslash. */
    private static final boolean[] PLAIN = plainBytes();

    /** Thrown to unwind a decline; without a stack trace, it costs no more than a return. */
    private static final class Declined extends RuntimeException {
        private static final Declined INSTANCE = new Declined();

        private Declined() {
            super("not in the plain canonical form", null, false, false);
        }
    }

    private final byte[] in;
    private int at;

    private CanonicalInput(byte[] in) {
        this.in = in;
    }

    /**
     * The members {@code selection} picks from {@code json}, when {@code json} is one object in canonical form;
     * null otherwise. A picked object holds only its own picked members, a picked array is empty.
     */
    static ObjectNode read(byte[] json, Selection selection) {
        if (json.length < 2 || json[0] != '{') {
            return null;
        }
        CanonicalInput input = new CanonicalInput(json);
        try {
            JsonNode picked = input.value(0, selection);
            return input.at == json.length ? (ObjectNode) picked : null;
        } catch (Declined | ArrayIndexOutOfBoundsException notPlain) {
            return null;
        }
    }

    private JsonNode value(int depth, Selection selection) {
        if (depth > MAX_DEPTH) {
            throw Declined.INSTANCE;
        }
        byte b = in[at];
        switch (b) {
            case '{':
                return object(depth, selection);
            case '[':
                return array(depth, selection);
            case '"':
                return text(selection != null);
            case 't':
                literal("true");
                return selection == null ? null : BooleanNode.TRUE;
            case 'f':
                literal("false");
                return selection == null ? null : BooleanNode.FALSE;
            case 'n':
                literal("null");
                return selection == null ? null : NullNode.instance;
            default:
                return integer(selection != null);
        }
    }

    private ObjectNode object(int depth, Selection selection) {
        ObjectNode picked = selection == null ? null : NODES.objectNode();
        at++;
        if (in[at] == '}') {
            at++;
            return picked;
        }
        int previousStart = -1;
        int previousEnd = -1;
        while (true) {
            int start = at + 1;
            int end = name();
            // RFC 8785 §3.2.3: members sorted by their names' UTF-16 code units, which for ASCII is byte order.
            // Equal names are declined too: a repeated name is not canonical.
            if (previousStart >= 0 && compare(previousStart, previousEnd, start, end) >= 0) {
                throw Declined.INSTANCE;
            }
            previousStart = start;
            previousEnd = end;
            expect(':');
            Selection member = selection == null || !selection.picksInside() ? null : selection.child(in, start, end);
            JsonNode value = value(depth + 1, member);
            if (member != null) {
                picked.set(new String(in, start, end - start, StandardCharsets.ISO_8859_1), value);
            }
            byte next = in[at++];
            if (next == '}') {
                return picked;
            }
            if (next != ',') {
                throw Declined.INSTANCE;
            }
        }
    }

    private ArrayNode array(int depth, Selection selection) {
        at++;
        if (in[at] == ']') {
            at++;
        } else {
            while (true) {
                value(depth + 1, null);
                byte next = in[at++];
                if (next == ']') {
                    break;
                }
                if (next != ',') {
                    throw Declined.INSTANCE;
                }
            }
        }
        return selection == null ? null : NODES.arrayNode();
    }

    /** A member name, without escapes; returns the index of its closing quote and moves past it. */
    private int name() {
        if (in[at] != '"') {
            throw Declined.INSTANCE;
        }
        int i = at + 1;
        while (PLAIN[in[i] & 0xff]) {
            i++;
        }
        if (in[i] != '"') {
            throw Declined.INSTANCE; // an escape, a control character or a byte beyond ASCII
        }
        if (i - at - 1 > MAX_NAME) {
            throw Declined.INSTANCE;
        }
        at = i + 1;
        return i;
    }

    /** A string with only the escapes JCS itself writes; its value when {@code keep}. */
    private TextNode text(boolean keep) {
        int start = at + 1;
        int i = start;
        boolean escaped = false;
        while (true) {
            while (PLAIN[in[i] & 0xff]) {
                i++;
            }
            byte b = in[i];
            if (b == '"') {
                break;
            }
            if (b != '\\') {
                throw Declined.INSTANCE; // raw control characters, and bytes beyond ASCII
            }
            escaped = true;
            i += escape(i + 1);
        }
        if (i - start > MAX_TEXT) {
            throw Declined.INSTANCE;
        }
        at = i + 1;
        if (!keep) {
            return null;
        }
        return TextNode.valueOf(
                escaped ? unescape(start, i) : new String(in, start, i - start, StandardCharsets.ISO_8859_1));
    }

    /** Checks the escape after a backslash at {@code i - 1}; returns its length, the backslash included. */
    private int escape(int i) {
        switch (in[i]) {
            case '"', '\\', 'b', 'f', 'n', 'r', 't':
                return 2;
            case 'u':
                // JCS writes \\u only for the control characters without a short escape, in lower-case hex.
                if (in[i + 1] != '0' || in[i + 2] != '0') {
                    throw Declined.INSTANCE;
                }
                int high = in[i + 3] - '0';
                int low = lowerHex(in[i + 4]);
                int c = high * 16 + low;
                if ((high != 0 && high != 1) || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
                    throw Declined.INSTANCE;
                }
                return 6;
            default:
                throw Declined.INSTANCE;
        }
    }

    private static boolean[] plainBytes() {
        boolean[] plain = new boolean[256];
        for (int b = 0x20; b < 0x80; b++) {
            plain[b] = b != '"' && b != '\\';
        }
        return plain;
    }

    private static int lowerHex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        throw Declined.INSTANCE;
    }

    private String unescape(int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = (char) in[i];
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = (char) in[++i];
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) ((in[i + 3] - '0') * 16 + lowerHex(in[i + 4])));
                    i += 4;
                }
                default -> out.append(e); // '"' and '\\'
            }
        }
        return out.toString();
    }

    /**
     * An integer as JCS writes it: no sign but a minus, no leading zero, no "-0", at most 2^53 in magnitude (beyond,
     * JCS writes the double it rounds to), and no fraction or exponent (declined: those take the long way).
     */
    private JsonNode integer(boolean keep) {
        boolean negative = in[at] == '-';
        int i = negative ? at + 1 : at;
        int first = i;
        long value = 0;
        while (in[i] >= '0' && in[i] <= '9') {
            if (i - first == 16) {
                throw Declined.INSTANCE;
            }
            value = value * 10 + (in[i] - '0');
            i++;
        }
        int digits = i - first;
        if (digits == 0 || (digits > 1 && in[first] == '0') || (negative && value == 0) || value > MAX_EXACT) {
            throw Declined.INSTANCE;
        }
        byte next = in[i];
        if (next != ',' && next != '}' && next != ']') {
            throw Declined.INSTANCE;
        }
        at = i;
        if (!keep) {
            return null;
        }
        long signed = negative ? -value : value;
        return signed == (int) signed ? IntNode.valueOf((int) signed) : LongNode.valueOf(signed);
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (in[at + i] != word.charAt(i)) {
                throw Declined.INSTANCE;
            }
        }
        at += word.length();
    }

    private void expect(char c) {
        if (in[at++] != c) {
            throw Declined.INSTANCE;
        }
    }

    private int compare(int aStart, int aEnd, int bStart, int bEnd) {
        int length = Math.min(aEnd - aStart, bEnd - bStart);
        for (int i = 0; i < length; i++) {
            int diff = (in[aStart + i] & 0xff) - (in[bStart + i] & 0xff);
            if (diff != 0) {
                return diff;
            }
        }
        return (aEnd - aStart) - (bEnd - bStart);
    }
}
