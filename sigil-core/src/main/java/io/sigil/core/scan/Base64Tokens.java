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
        return decodeAll(text, Symbols.of(text));
    }

    /** As {@link #decodeAll(String)}, with the text's {@link Symbols} already read. */
    static Result decodeAll(String text, byte[] symbols) {
        Runs runs = new Runs(text, symbols);
        SymbolRuns.forEach(symbols, BASE64_BITS, runs);
        return new Result(runs.out, runs.complete && (runs.budget > 0 || runs.next >= symbols.length));
    }

    /** The decoding of one text's base64 runs, as they are found, within the budgets. */
    private static final class Runs implements SymbolRuns.Sink {

        private final String text;
        private final byte[] symbols;
        private final List<Decoded> out = new ArrayList<>();
        private boolean complete = true;
        private int budget = MAX_DECODED_BYTES;
        // Failed decodes cost work too (up to SPLITS + 1 tries per run): they get their own budget.
        private long attempts = MAX_ATTEMPTED_CHARS;
        /** Where the text was read up to: past the last run and its padding. */
        private int next;

        Runs(String text, byte[] symbols) {
            this.text = text;
            this.symbols = symbols;
        }

        @Override
        public boolean run(int start, int runEnd) {
            int n = symbols.length;
            int end = runEnd;
            while (end < n && end - runEnd < 2 && symbols[end] == '=') {
                end++;
            }
            int length = runEnd - start;
            boolean candidate = length >= MIN_TOKEN && length <= MAX_TOKEN;
            complete &= !candidate || attempts > 0;
            if (candidate && attempts > 0) {
                Decoded decoded = decodeRun(text, start, runEnd, end);
                attempts -= (long) length * (SPLITS + 1) * (SPLITS + 1);
                if (decoded != null) {
                    budget -= (decoded.end() - decoded.start()) * 3 / 4;
                    out.add(decoded);
                }
            }
            next = end;
            return budget > 0;
        }
    }

    /**
     * Decodes a run of base64 chars, or the part of it after a glued prefix ({@code token_SGVsbG8...},
     * {@code id-QUtJQ...}) or before a glued suffix: {@code _} and {@code -} are URL-safe base64 chars, so
     * the run swallows its neighbours. Tries the whole run, then cuts at the first and last few separators.
     */
    private static Decoded decodeRun(String text, int start, int runEnd, int paddedEnd) {
        String whole = decode(text, start, runEnd);
        if (whole != null) {
            return new Decoded(start, paddedEnd, whole);
        }
        int[] cuts = new int[2 * SPLITS + 2];
        int lefts = separators(text, start, runEnd, true, cuts, 1);
        cuts[0] = start;
        int rights;
        if (lefts < SPLITS) {
            // The left scan read the whole run: its separators are all there are, right to left.
            for (int k = 0; k < lefts; k++) {
                cuts[lefts + 2 + k] = cuts[lefts - k] - 1;
            }
            rights = lefts;
        } else {
            rights = separators(text, start, runEnd, false, cuts, lefts + 2);
        }
        cuts[lefts + 1] = runEnd;
        for (int l = 0; l <= lefts; l++) {
            int from = cuts[l];
            // The head test depends on where a cut starts only: a refused start refuses every end with it.
            boolean headChecked = false;
            for (int r = lefts + 1; r <= lefts + 1 + rights; r++) {
                int to = cuts[r];
                if ((from == start && to == runEnd) || to - from < MIN_TOKEN || (to - from) % 4 == 1) {
                    continue;
                }
                if (!headChecked) {
                    if (!printableHead(text, from)) {
                        break;
                    }
                    headChecked = true;
                }
                String decoded = decodeChecked(text, from, to);
                if (decoded != null) {
                    return new Decoded(from, to == runEnd ? paddedEnd : to, decoded);
                }
            }
        }
        return null;
    }

    /**
     * Up to SPLITS cut points next to '_' or '-', from the left (after them) or the right (before them), written to
     * {@code cuts} from {@code at}; returns how many.
     */
    private static int separators(String text, int start, int end, boolean fromLeft, int[] cuts, int at) {
        int n = 0;
        for (int k = 0; k < end - start && n < SPLITS; k++) {
            int i = fromLeft ? start + k : end - 1 - k;
            char c = text.charAt(i);
            if (c == '_' || c == '-') {
                cuts[at + n++] = fromLeft ? i + 1 : i;
            }
        }
        return n;
    }

    /** The text of the token {@code text[from, to)} if it is valid base64 of printable UTF-8, else null. */
    private static String decode(String text, int from, int to) {
        // Every test before the whole decode reads the text in place: most tokens are refused without a copy. The
        // tests only refuse, so their order changes no answer: the ones that read the fewest chars come first
        // (a run that fails is tried again cut at its separators, so a scan of the whole run each time adds up).
        if ((to - from) % 4 == 1) {
            return null; // can never be valid base64; checked up front because exceptions are costly
        }
        if (!printableHead(text, from)) {
            return null;
        }
        return decodeChecked(text, from, to);
    }

    /** As {@link #decode}, once the token's length and head have passed. */
    private static String decodeChecked(String text, int from, int to) {
        boolean urlSafe = false;
        boolean standard = false;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            urlSafe |= c == '-' || c == '_';
            standard |= c == '+' || c == '/';
        }
        if (urlSafe && standard) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text.substring(from, to));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String decoded = Normaliser.strictUtf8(bytes);
        return decoded != null && isPrintable(decoded) ? decoded : null;
    }

    /**
     * Whether the first 12 bytes of a token (at least {@link #HEAD} chars of one alphabet, which the caller
     * checked) could start printable UTF-8 text: random tokens (hashes, ids, digit groups) almost always hold a
     * control byte or a malformed UTF-8 sequence there, so most are refused before the whole token is decoded.
     * Decoded in place, without a copy.
     */
    private static boolean printableHead(String text, int from) {
        byte[] head = new byte[HEAD / 4 * 3];
        for (int group = 0; group < HEAD / 4; group++) {
            int at = from + 4 * group;
            int bits = (SEXTET[text.charAt(at)] << 18)
                    | (SEXTET[text.charAt(at + 1)] << 12)
                    | (SEXTET[text.charAt(at + 2)] << 6)
                    | SEXTET[text.charAt(at + 3)];
            head[3 * group] = (byte) (bits >>> 16);
            head[3 * group + 1] = (byte) (bits >>> 8);
            head[3 * group + 2] = (byte) bits;
            if (group == 0 && !mayStart(bits >>> 16)) {
                return false; // about two random tokens in five fail on their first byte: no more is decoded
            }
        }
        for (byte b : head) {
            if (!printableByte(b & 0xFF)) {
                return false;
            }
        }
        return Utf8Prefix.mayStartValid(head);
    }

    /** Whether printable UTF-8 text may start with this byte: printable, and not a byte no sequence starts with. */
    private static boolean mayStart(int b) {
        return printableByte(b) && (b < 0x80 || (b >= 0xC2 && b <= 0xF4));
    }

    /** Whether a byte may occur in printable UTF-8 text: not a control byte other than tab and line breaks. */
    private static boolean printableByte(int b) {
        return !((b < 0x20 && b != '\n' && b != '\r' && b != '\t') || b == 0x7F);
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

    /** Per {@link Symbols symbol} ({@code symbol & 0xFF}): 1 for a char of standard or URL-safe base64, else 0. */
    private static final long[] BASE64 = new long[256];

    private static final SymbolRuns.Bits BASE64_BITS = SymbolRuns.table(BASE64);

    /**
     * Per ASCII char: its 6-bit value in either alphabet ({@code +} and {@code -} are 62, {@code /} and {@code _}
     * 63); a token never mixes the two alphabets by the time it is decoded.
     */
    private static final int[] SEXTET = new int[128];

    static {
        String standard = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int v = 0; v < standard.length(); v++) {
            SEXTET[standard.charAt(v)] = v;
            BASE64[standard.charAt(v)] = 1;
        }
        SEXTET['-'] = 62;
        SEXTET['_'] = 63;
        BASE64['-'] = 1;
        BASE64['_'] = 1;
    }
}
