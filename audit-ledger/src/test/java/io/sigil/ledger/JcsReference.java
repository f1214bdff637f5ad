package io.sigil.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

/** The StringBuilder canonicaliser used before JcsWriter (until 2026-11-23), kept to test JcsWriter against. */
public final class JcsReference {
    private static final long MAX_EXACT_LONG = 1L << 53;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JcsReference() {}

    /** The canonical form as UTF-8 bytes, ready to hash or sign. */
    public static byte[] canonicalize(JsonNode node) {
        return canonicalString(node).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form as text; throws IllegalArgumentException for values JCS cannot represent. */
    public static String canonicalString(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null) {
            throw new IllegalArgumentException("null is not a JSON tree (use NullNode)");
        }
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> writeArray(node, out);
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> writeNumber(node, out);
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            case BINARY -> writeString(node.asText(), out); // Jackson's own JSON form of binary: base64 text
            default -> throw new IllegalArgumentException("no JSON form for a " + node.getNodeType() + " node");
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        String[] names = new String[node.size()];
        Iterator<String> it = node.fieldNames();
        for (int i = 0; i < names.length; i++) {
            names[i] = it.next();
        }
        Arrays.sort(names); // String.compareTo orders by UTF-16 code units, exactly what §3.2.3 asks
        out.append('{');
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(names[i], out);
            out.append(':');
            write(node.get(names[i]), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(node.get(i), out);
        }
        out.append(']');
    }

    private static void writeNumber(JsonNode node, StringBuilder out) {
        if (node.isBigInteger()) {
            BigInteger big = node.bigIntegerValue();
            out.append(big.bitLength() <= 53 ? big.toString() : JcsNumbers.toString(big.doubleValue()));
        } else if (node.isIntegralNumber()) {
            long value = node.longValue();
            // Beyond 2^53 JavaScript would already have rounded to a double; do the same.
            if (value >= -MAX_EXACT_LONG && value <= MAX_EXACT_LONG) {
                out.append(value);
            } else {
                out.append(JcsNumbers.toString((double) value));
            }
        } else {
            out.append(JcsNumbers.toString(node.doubleValue()));
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        int length = s.length();
        int first = firstToEscape(s);
        if (first == length) {
            // The usual case; append(String) copies in bulk where append(CharSequence, from, to) goes char by char.
            out.append(s).append('"');
            return;
        }
        out.append(s, 0, first);
        int runStart = first;
        for (int i = first; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            out.append(s, runStart, i);
            runStart = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < length
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(i + 1));
                        i++;
                        runStart = i + 1;
                    } else {
                        // RFC 8785 §3.2.2.2: lone surrogates must make canonicalization fail.
                        throw new IllegalArgumentException(
                                "lone surrogate U+" + Integer.toHexString(c).toUpperCase() + " at index " + i);
                    }
                }
            }
        }
        out.append(s, runStart, length);
        out.append('"');
    }

    private static int firstToEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return i;
            }
        }
        return s.length();
    }
}
