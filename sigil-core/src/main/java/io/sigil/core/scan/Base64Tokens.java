package io.sigil.core.scan;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Finds base64 (standard or URL-safe) tokens in a text and decodes the ones that are valid, printable
 * UTF-8, within a total budget, so that wrapped secrets can be rescanned. One level deep by design: the
 * engine never rescans what it decoded here.
 */
final class Base64Tokens {

    /** A decoded token: its span in the scanned text and its decoded text. */
    record Decoded(int start, int end, String text) {}

    static final int MIN_TOKEN = 16;
    static final int MAX_TOKEN = 4096;
    /** Cap on decoded bytes per scan, so that a payload of many tokens cannot multiply the work. */
    static final int MAX_DECODED_BYTES = 256 * 1024;

    private Base64Tokens() {}

    static List<Decoded> decodeAll(String text) {
        List<Decoded> out = new ArrayList<>();
        int budget = MAX_DECODED_BYTES;
        int n = text.length();
        int i = 0;
        while (i < n && budget > 0) {
            if (!isBase64(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isBase64(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (end < n && end - i < 2 && text.charAt(end) == '=') {
                end++;
            }
            int length = i - start;
            if (length >= MIN_TOKEN && length <= MAX_TOKEN) {
                String decoded = decode(text.substring(start, i));
                if (decoded != null) {
                    budget -= length * 3 / 4;
                    out.add(new Decoded(start, end, decoded));
                }
            }
            i = end;
        }
        return out;
    }

    private static String decode(String token) {
        boolean urlSafe = token.indexOf('-') >= 0 || token.indexOf('_') >= 0;
        if (urlSafe && (token.indexOf('+') >= 0 || token.indexOf('/') >= 0)) {
            return null;
        }
        if (token.length() % 4 == 1) {
            return null; // can never be valid base64; checked up front because exceptions are costly
        }
        byte[] bytes;
        try {
            bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String decoded = Normaliser.strictUtf8(bytes);
        return decoded != null && isPrintable(decoded) ? decoded : null;
    }

    /** Random bytes rarely decode to printable UTF-8: this keeps hashes and ids from being rescanned. */
    private static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7F || c == 0xFFFD) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '+'
                || c == '/'
                || c == '-'
                || c == '_';
    }
}
