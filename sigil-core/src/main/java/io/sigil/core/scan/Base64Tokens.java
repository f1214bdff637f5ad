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
    /** Cap on chars handed to the decoder per scan, including failed tries. */
    static final long MAX_ATTEMPTED_CHARS = 4L * 1024 * 1024;
    /** How many glued prefixes or suffixes are cut off when a run does not decode as a whole. */
    static final int SPLITS = 2;

    private Base64Tokens() {}

    /** The tokens decoded, and whether a budget left candidate tokens undecoded (the scan is then truncated). */
    record Result(List<Decoded> tokens, boolean complete) {}

    static Result decodeAll(String text) {
        List<Decoded> out = new ArrayList<>();
        boolean complete = true;
        int budget = MAX_DECODED_BYTES;
        // Failed decodes cost work too (up to SPLITS + 1 tries per run): they get their own budget.
        long attempts = MAX_ATTEMPTED_CHARS;
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
            boolean candidate = length >= MIN_TOKEN && length <= MAX_TOKEN;
            complete &= !candidate || attempts > 0;
            if (candidate && attempts > 0) {
                Decoded decoded = decodeRun(text, start, i, end);
                attempts -= (long) length * (SPLITS + 1) * (SPLITS + 1);
                if (decoded != null) {
                    budget -= (decoded.end() - decoded.start()) * 3 / 4;
                    out.add(decoded);
                }
            }
            i = end;
        }
        return new Result(out, complete && (budget > 0 || i >= n));
    }

    /**
     * Decodes a run of base64 chars, or the part of it after a glued prefix ({@code token_SGVsbG8...},
     * {@code id-QUtJQ...}) or before a glued suffix: {@code _} and {@code -} are URL-safe base64 chars, so
     * the run swallows its neighbours. Tries the whole run, then cuts at the first and last few separators.
     */
    private static Decoded decodeRun(String text, int start, int runEnd, int paddedEnd) {
        String whole = decode(text.substring(start, runEnd));
        if (whole != null) {
            return new Decoded(start, paddedEnd, whole);
        }
        int[] cutsFromLeft = separators(text, start, runEnd, true);
        int[] cutsFromRight = separators(text, start, runEnd, false);
        for (int from : prepend(start, cutsFromLeft)) {
            for (int to : prepend(runEnd, cutsFromRight)) {
                if ((from == start && to == runEnd) || to - from < MIN_TOKEN) {
                    continue;
                }
                String decoded = decode(text.substring(from, to));
                if (decoded != null) {
                    return new Decoded(from, to == runEnd ? paddedEnd : to, decoded);
                }
            }
        }
        return null;
    }

    /** Up to SPLITS cut points next to '_' or '-', from the left (after them) or the right (before them). */
    private static int[] separators(String text, int start, int end, boolean fromLeft) {
        int[] cuts = new int[SPLITS];
        int n = 0;
        for (int k = 0; k < end - start && n < SPLITS; k++) {
            int at = fromLeft ? start + k : end - 1 - k;
            char c = text.charAt(at);
            if (c == '_' || c == '-') {
                cuts[n++] = fromLeft ? at + 1 : at;
            }
        }
        return java.util.Arrays.copyOf(cuts, n);
    }

    private static int[] prepend(int first, int[] rest) {
        int[] out = new int[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
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
        if (!printableHead(token, urlSafe)) {
            return null;
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

    /**
     * Whether the first 12 bytes could start printable text: random tokens (hashes, ids) almost always hold
     * a control byte there, so most are refused before the whole token is decoded.
     */
    private static boolean printableHead(String token, boolean urlSafe) {
        byte[] head = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(token.substring(0, HEAD));
        for (byte b : head) {
            if ((b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') || b == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Chars of a token decoded first, to refuse random tokens cheaply; a multiple of 4, at most MIN_TOKEN. */
    private static final int HEAD = 16;

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
