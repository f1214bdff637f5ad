package io.sigil.core.scan;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;

/**
 * Undoes the cheap disguises an attacker (or an encoder) puts on a secret before matching: percent- and
 * HTML-entity encoding, invisible characters and compatibility forms (NFKC). Every step is a single
 * linear pass that records, for each output char, the original range it came from.
 */
final class Normaliser {

    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", " "),
            Map.entry("sol", "/"),
            Map.entry("colon", ":"),
            Map.entry("equals", "="),
            Map.entry("plus", "+"),
            Map.entry("period", "."),
            Map.entry("lowbar", "_"),
            Map.entry("hyphen", "-"),
            Map.entry("commat", "@"),
            Map.entry("num", "#"),
            Map.entry("percnt", "%"),
            Map.entry("shy", "\u00AD"),
            Map.entry("zwsp", "\u200B"),
            Map.entry("zwj", "\u200D"),
            Map.entry("zwnj", "\u200C"));

    /** Longest entity we try to decode, e.g. {@code &#x10FFFF;}; longer ones are left as they are. */
    private static final int MAX_ENTITY = 10;

    private Normaliser() {}

    static NormalisedText normalise(String original) {
        if (isPlain(original)) {
            return NormalisedText.identity(original);
        }
        NormalisedText decoded = decode(original);
        // NFKC and the invisible chars only concern non-ASCII: an ASCII text full of '&' or '%' that
        // decoded to ASCII skips the second pass.
        return isAscii(decoded.text()) ? decoded : fold(decoded, original.length());
    }

    private static boolean isAscii(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Plain printable ASCII without escape characters needs no work at all. */
    private static boolean isPlain(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == '%' || c == '&') {
                return false;
            }
        }
        return true;
    }

    /** Zero-width, joiners, bidi controls, soft hyphen, BOM and other format chars that render as nothing. */
    static boolean isInvisible(int cp) {
        return (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x206F)
                || cp == 0xFEFF
                || cp == 0x00AD
                || cp == 0x034F
                || cp == 0x061C
                || cp == 0x180E
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0000 && cp <= 0xE007F);
    }

    /**
     * Pass 1: percent-escapes and HTML entities, over the original text. The mapped copy is only built from
     * the first escape that decodes: a text of lone '&' and '%' costs one read and no allocation.
     */
    private static NormalisedText decode(String in) {
        int n = in.length();
        TextBuilder out = null;
        int i = 0;
        // The first ';' at or after the last place asked about (-1: none left), found again only once passed: a
        // text of many '&' then costs one read for all of them, not a bounded look-ahead each.
        int nextSemicolon = in.indexOf(';');
        while (i < n) {
            char c = in.charAt(i);
            if (c == '%') {
                int end = percentRunEnd(in, i);
                String decoded = end > i ? decodePercentRun(in, i, end) : null;
                if (decoded != null) {
                    out = copyUpTo(out, in, i);
                    out.append(decoded, i, end);
                    i = end;
                    continue;
                }
            } else if (c == '&') {
                // Bounded look-ahead (an entity is short): the first ';' after the '&', if it is near enough.
                if (nextSemicolon >= 0 && nextSemicolon < i + 1) {
                    nextSemicolon = in.indexOf(';', i + 1);
                }
                int semi = nextSemicolon >= 0 && nextSemicolon < Math.min(n, i + 2 + MAX_ENTITY) ? nextSemicolon : -1;
                if (semi > i + 1) {
                    String decoded = decodeEntity(in.substring(i + 1, semi));
                    if (decoded != null) {
                        out = copyUpTo(out, in, i);
                        out.append(decoded, i, semi + 1);
                        i = semi + 1;
                        continue;
                    }
                }
            }
            if (out != null) {
                out.append(c, i, i + 1);
            }
            i++;
        }
        return out == null ? NormalisedText.identity(in) : out.build(n);
    }

    /** The builder, created on the first decoded escape with the plain chars before it. */
    private static TextBuilder copyUpTo(TextBuilder out, String in, int end) {
        if (out != null) {
            return out;
        }
        TextBuilder copy = new TextBuilder(in.length());
        for (int k = 0; k < end; k++) {
            copy.append(in.charAt(k), k, k + 1);
        }
        return copy;
    }

    private static int percentRunEnd(String in, int from) {
        int i = from;
        while (i + 2 < in.length() && in.charAt(i) == '%' && hex(in.charAt(i + 1)) >= 0 && hex(in.charAt(i + 2)) >= 0) {
            i += 3;
        }
        return i;
    }

    /** Decodes a run of %XX escapes as UTF-8; null if the bytes are not valid UTF-8 (left literal). */
    private static String decodePercentRun(String in, int from, int to) {
        byte[] bytes = new byte[(to - from) / 3];
        for (int k = 0; k < bytes.length; k++) {
            int at = from + 3 * k;
            bytes[k] = (byte) (hex(in.charAt(at + 1)) * 16 + hex(in.charAt(at + 2)));
        }
        return strictUtf8(bytes);
    }

    /** Decodes strict UTF-8, or null; uses the coder result instead of exceptions, which are costly in bulk. */
    static String strictUtf8(byte[] bytes) {
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, true);
        if (result.isError() || decoder.flush(out).isError()) {
            return null;
        }
        return out.flip().toString();
    }

    private static String decodeEntity(String body) {
        if (body.startsWith("#x") || body.startsWith("#X")) {
            return codePoint(body.substring(2), 16);
        }
        if (body.startsWith("#")) {
            return codePoint(body.substring(1), 10);
        }
        return NAMED_ENTITIES.get(body);
    }

    private static String codePoint(String digits, int radix) {
        if (digits.isEmpty() || digits.length() > 7) {
            return null;
        }
        int cp = 0;
        for (int k = 0; k < digits.length(); k++) {
            int d = Character.digit(digits.charAt(k), radix);
            if (d < 0) {
                return null;
            }
            cp = cp * radix + d;
        }
        if (cp == 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return null;
        }
        return new String(Character.toChars(cp));
    }

    /**
     * Pass 2: drops invisible chars and applies NFKC one grapheme-ish cluster (a base code point and its
     * combining marks) at a time, so that the mapping stays exact and the cost linear. ASCII is already
     * NFKC-stable and skips the normaliser.
     */
    private static NormalisedText fold(NormalisedText decoded, int originalLength) {
        String in = decoded.text();
        int n = in.length();
        TextBuilder out = new TextBuilder(n);
        int i = 0;
        while (i < n) {
            char c = in.charAt(i);
            if (c < 0x80) {
                out.append(c, decoded.originalStart(i), decoded.originalEnd(i + 1));
                i++;
                continue;
            }
            int cp = in.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (isInvisible(cp)) {
                i = end;
                continue;
            }
            while (end < n && isCombining(in.codePointAt(end))) {
                end += Character.charCount(in.codePointAt(end));
            }
            String cluster = in.substring(i, end);
            String folded = Normalizer.normalize(cluster, Normalizer.Form.NFKC);
            int from = decoded.originalStart(i);
            int to = decoded.originalEnd(end);
            for (int k = 0; k < folded.length(); ) {
                int fcp = folded.codePointAt(k);
                if (!isInvisible(fcp)) {
                    out.append(CharBuffer.wrap(Character.toChars(fcp)), from, to);
                }
                k += Character.charCount(fcp);
            }
            i = end;
        }
        return out.build(originalLength);
    }

    private static boolean isCombining(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
