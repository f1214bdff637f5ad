package io.sigil.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

/**
 * RFC 8785 canonical form of a Jackson tree written straight into UTF-8 bytes in one pass: no intermediate strings,
 * ASCII copied byte by byte, numbers formatted by {@link JcsNumbers} only when they are not exact integers. Reusable
 * (not thread-safe): the buffer is kept between calls, so a sealer thread allocates only the result.
 */
public final class JcsWriter {
    private static final long MAX_EXACT_LONG = 1L << 53;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    /** A buffer grown beyond this by one huge event is dropped afterwards instead of being kept. */
    private static final int KEEP = 1 << 20;

    @SuppressWarnings("unchecked")
    private static final Comparator<Map.Entry<String, JsonNode>> BY_NAME =
            (a, b) -> a.getKey().compareTo(b.getKey()); // UTF-16 code units, exactly what §3.2.3 asks

    private byte[] buf = new byte[2_048];
    private int len;

    @SuppressWarnings("unchecked")
    private Map.Entry<String, JsonNode>[][] members = new Map.Entry[8][];

    /** The canonical form as UTF-8; throws IllegalArgumentException for values JCS cannot represent. */
    public byte[] canonicalize(JsonNode node) {
        len = 0;
        try {
            write(node, 0);
            return Arrays.copyOf(buf, len);
        } finally {
            if (buf.length > KEEP) {
                buf = new byte[2_048];
            }
        }
    }

    private void write(JsonNode node, int depth) {
        if (node == null) {
            throw new IllegalArgumentException("null is not a JSON tree (use NullNode)");
        }
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, depth);
            case ARRAY -> writeArray(node, depth);
            case STRING -> writeString(node.textValue());
            case NUMBER -> writeNumber(node);
            case BOOLEAN -> raw(node.booleanValue() ? TRUE : FALSE);
            case NULL -> raw(NULL);
            case BINARY -> writeString(node.asText()); // Jackson's own JSON form of binary: base64 text
            default -> throw new IllegalArgumentException("no JSON form for a " + node.getNodeType() + " node");
        }
    }

    private void writeObject(JsonNode node, int depth) {
        int size = node.size();
        Map.Entry<String, JsonNode>[] sorted = scratch(depth, size);
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        for (int i = 0; i < size; i++) {
            sorted[i] = it.next();
        }
        if (size > 1) {
            Arrays.sort(sorted, 0, size, BY_NAME);
        }
        put('{');
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                put(',');
            }
            Map.Entry<String, JsonNode> member = sorted[i];
            sorted[i] = null;
            writeString(member.getKey());
            put(':');
            write(member.getValue(), depth + 1);
        }
        put('}');
    }

    @SuppressWarnings("unchecked")
    private Map.Entry<String, JsonNode>[] scratch(int depth, int size) {
        if (depth >= members.length) {
            members = Arrays.copyOf(members, Math.max(depth + 1, members.length * 2));
        }
        Map.Entry<String, JsonNode>[] array = members[depth];
        if (array == null || array.length < size) {
            array = new Map.Entry[Math.max(size, 16)];
            members[depth] = array;
        }
        return array;
    }

    private void writeArray(JsonNode node, int depth) {
        put('[');
        int size = node.size();
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                put(',');
            }
            write(node.get(i), depth + 1);
        }
        put(']');
    }

    private void writeNumber(JsonNode node) {
        if (node.isBigInteger()) {
            BigInteger big = node.bigIntegerValue();
            ascii(big.bitLength() <= 53 ? big.toString() : JcsNumbers.toString(big.doubleValue()));
        } else if (node.isIntegralNumber()) {
            long value = node.longValue();
            // Beyond 2^53 JavaScript would already have rounded to a double; do the same.
            if (value >= -MAX_EXACT_LONG && value <= MAX_EXACT_LONG) {
                writeLong(value);
            } else {
                ascii(JcsNumbers.toString((double) value));
            }
        } else {
            double value = node.doubleValue();
            // An integral double below 2^53 prints as its integer, the same digits JcsNumbers gives.
            if (value == Math.rint(value) && value > -MAX_EXACT_LONG && value < MAX_EXACT_LONG) {
                writeLong((long) value); // -0 gives 0
            } else {
                ascii(JcsNumbers.toString(value));
            }
        }
    }

    /** |value| ≤ 2^53: no Long.MIN_VALUE to care about. */
    private void writeLong(long value) {
        ensure(21);
        if (value < 0) {
            buf[len++] = '-';
            value = -value;
        }
        if (value < 10) {
            buf[len++] = (byte) ('0' + value);
            return;
        }
        int digits = 1;
        for (long v = value / 10; v != 0; v /= 10) {
            digits++;
        }
        int end = len + digits;
        for (int i = end - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        len = end;
    }

    private void writeString(String s) {
        int length = s.length();
        // Worst case per char: 6 bytes (a control character escaped as backslash-u-00XX).
        ensure(length * 6L + 2);
        byte[] b = buf;
        int at = len;
        b[at++] = '"';
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[at++] = (byte) c;
                    continue;
                }
                b[at++] = '\\';
                switch (c) {
                    case '"' -> b[at++] = '"';
                    case '\\' -> b[at++] = '\\';
                    case '\b' -> b[at++] = 'b';
                    case '\f' -> b[at++] = 'f';
                    case '\n' -> b[at++] = 'n';
                    case '\r' -> b[at++] = 'r';
                    case '\t' -> b[at++] = 't';
                    default -> {
                        b[at++] = 'u';
                        b[at++] = '0';
                        b[at++] = '0';
                        b[at++] = HEX[c >> 4];
                        b[at++] = HEX[c & 0xf];
                    }
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xc0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3f));
            } else if (!Character.isSurrogate(c)) {
                b[at++] = (byte) (0xe0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                b[at++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[at++] = (byte) (0xf0 | (cp >> 18));
                b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                b[at++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                // RFC 8785 §3.2.2.2: lone surrogates must make canonicalization fail.
                throw new IllegalArgumentException(
                        "lone surrogate U+" + Integer.toHexString(c).toUpperCase() + " at index " + i);
            }
        }
        b[at++] = '"';
        len = at;
    }

    private void ascii(String s) {
        int length = s.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void ensure(long more) {
        if (more > buf.length - len) {
            long wanted = Math.max((long) buf.length * 2, len + more);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("canonical form too large");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }
}
