package io.sigil.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A strict RFC 8259 tokenizer over the bytes of one line. Strings are unescaped straight into a {@link Utf8Buffer}
 * as the UTF-8 bytes Java's {@code String.getBytes(UTF_8)} would give for the text Jackson reads (a lone surrogate
 * escape becomes '?'), so digests over them match the sealer's without a String round trip. Malformed input throws
 * {@link ExportFormatException} naming the line and column.
 */
final class JsonCursor {
    /** Jackson's default limits (StreamReadConstraints), so nothing parses here that Jackson would refuse. */
    static final int MAX_STRING_BYTES = 20_000_000;

    static final int MAX_DEPTH = 500;
    static final int MAX_NUMBER_LENGTH = 1000;

    enum Number {
        /** An integer that fits a long; the value is in {@link #longValue()}. */
        LONG,
        /** A fraction, an exponent, or an integer beyond long. */
        OTHER
    }

    /** Bytes that stand for themselves inside a string: printable ASCII but '"' and '\\'. */
    private static final boolean[] PLAIN = new boolean[256];

    /** What each two-byte escape stands for, indexed by its second byte; 0 where there is none. */
    private static final byte[] SIMPLE_ESCAPES = new byte[256];

    static {
        for (int b = 0x20; b < 0x80; b++) {
            PLAIN[b] = b != '"' && b != '\\';
            SIMPLE_ESCAPES[b] = (byte) unescape((byte) b);
        }
    }

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] in;
    private int start;
    private int pos;
    private int end;
    private long line;
    private long longValue;
    private int rawStart;
    private int rawEnd;
    private boolean loneSurrogate;
    private final Utf8Buffer scratch = new Utf8Buffer();

    void reset(byte[] in, int start, int end, long line) {
        this.in = in;
        this.start = start;
        this.pos = start;
        this.end = end;
        this.line = line;
    }

    long line() {
        return line;
    }

    /** The next byte after whitespace, or -1 at the end of the line; does not consume it. */
    int peek() {
        while (pos < end) {
            byte b = in[pos];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b & 0xFF;
            }
            pos++;
        }
        return -1;
    }

    /** Consumes {@code c} after whitespace or throws. */
    void expect(char c) throws ExportFormatException {
        if (peek() != c) {
            throw unexpected("'" + c + "'");
        }
        pos++;
    }

    /** Consumes the next byte, known from {@link #peek()}. */
    void skipByte() {
        pos++;
    }

    long longValue() {
        return longValue;
    }

    /** Whether the last string held an unpaired surrogate escape, written to the buffer as '?'. */
    boolean loneSurrogate() {
        return loneSurrogate;
    }

    /**
     * The last string as Jackson's Java text: escapes decoded to UTF-16 units as they are, so an unpaired surrogate
     * stays one. Only needed when {@link #loneSurrogate()}; otherwise decoding the buffer gives the same text.
     */
    String rawText() {
        StringBuilder text = new StringBuilder(rawEnd - rawStart);
        int run = rawStart;
        int p = rawStart;
        while (p < rawEnd) {
            if (in[p] != '\\') {
                p++;
                continue;
            }
            text.append(new String(in, run, p - run, java.nio.charset.StandardCharsets.UTF_8));
            byte e = in[p + 1];
            text.append(e == 'u' ? (char) hex4(p + 2) : unescape(e));
            p += e == 'u' ? 6 : 2;
            run = p;
        }
        return text.append(new String(in, run, p - run, java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /** Reads the string starting at the current '"' (after whitespace) into {@code out}. */
    void readString(Utf8Buffer out) throws ExportFormatException {
        expect('"');
        out.clear();
        out.ensure(end - pos + 8); // unescaping never lengthens; 8 more for whole-word copies
        byte[] src = in;
        byte[] o = out.bytes;
        int limit = end;
        int n = 0;
        int p = pos;
        loneSurrogate = false;
        rawStart = p;
        while (true) {
            // The hot loop: printable ASCII copies through eight bytes at a time, then byte by byte.
            while (p + 8 <= limit) {
                long word = (long) WORDS.get(src, p);
                WORDS.set(o, n, word); // o has eight bytes of slack
                long special = special(word);
                if (special != 0) {
                    int plain = Long.numberOfTrailingZeros(special) >>> 3;
                    p += plain;
                    n += plain;
                    break;
                }
                p += 8;
                n += 8;
            }
            byte b;
            while (p < limit && PLAIN[(b = src[p]) & 0xFF]) {
                o[n++] = b;
                p++;
            }
            if (p >= limit) {
                pos = p;
                throw error("unterminated string");
            }
            b = src[p];
            if (b == '"') {
                break;
            }
            if (b == '\\') {
                byte simple = p + 1 < limit ? SIMPLE_ESCAPES[src[p + 1] & 0xFF] : 0;
                if (simple != 0) { // most escapes in an event are \" around its names and values
                    o[n++] = simple;
                    p += 2;
                    continue;
                }
                pos = p;
                n = unescapeAt(o, n);
                p = pos;
            } else if (b >= 0) {
                pos = p;
                throw error("control character 0x" + Integer.toHexString(b) + " in a string");
            } else {
                int length = utf8Length(p);
                System.arraycopy(src, p, o, n, length);
                n += length;
                p += length;
            }
        }
        rawEnd = p;
        pos = p + 1;
        if (n > MAX_STRING_BYTES) {
            throw error("string longer than " + MAX_STRING_BYTES + " bytes");
        }
        out.length = n;
    }

    /**
     * A high bit in each byte of {@code word} (little-endian) that is a control character, '"', '\\' or not ASCII;
     * bits above the lowest may be false alarms, the lowest is exact.
     */
    private static long special(long word) {
        long control = (word - 0x2020202020202020L) & ~word;
        long quote = word ^ 0x2222222222222222L;
        long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
        long quotes = (quote - 0x0101010101010101L) & ~quote;
        long backslashes = (backslash - 0x0101010101010101L) & ~backslash;
        return (control | quotes | backslashes | word) & 0x8080808080808080L;
    }

    /** Decodes the escape at {@code pos} into {@code o} at {@code n}; moves {@code pos} past it, returns the new n. */
    private int unescapeAt(byte[] o, int n) throws ExportFormatException {
        if (pos + 1 >= end) {
            throw error("unterminated string");
        }
        byte e = in[pos + 1];
        if (e != 'u') {
            throw error("bad escape \\" + printable(e));
        }
        int unit = unitAt(pos);
        pos += 6;
        if (Character.isHighSurrogate((char) unit) && pos + 6 <= end && in[pos] == '\\' && in[pos + 1] == 'u') {
            int low = unitAt(pos);
            if (Character.isLowSurrogate((char) low)) {
                pos += 6;
                return putCodePoint(o, n, Character.toCodePoint((char) unit, (char) low));
            }
        }
        if (Character.isSurrogate((char) unit)) {
            loneSurrogate = true; // Java's encoder writes an unpaired surrogate as '?'
            o[n] = '?';
            return n + 1;
        }
        return putCodePoint(o, n, unit);
    }

    /** The UTF-16 unit of the \\uXXXX escape at {@code p}. */
    private int unitAt(int p) throws ExportFormatException {
        int unit = p + 6 <= end ? hex4(p + 2) : -1;
        if (unit < 0) {
            int at = pos;
            pos = p;
            ExportFormatException error = error("bad \\u escape");
            pos = at;
            throw error;
        }
        return unit;
    }

    /** Reads the number at the current position; an integer that fits a long is {@link Number#LONG}. */
    Number readNumber() throws ExportFormatException {
        peek();
        int p = pos;
        boolean negative = p < end && in[p] == '-';
        if (negative) {
            p++;
        }
        int digits = p;
        if (p >= end || !isDigit(in[p])) {
            pos = p;
            throw error("expected a digit");
        }
        if (in[p] == '0' && p + 1 < end && isDigit(in[p + 1])) {
            pos = p;
            throw error("leading zeroes are not allowed");
        }
        while (p < end && isDigit(in[p])) {
            p++;
        }
        int intEnd = p;
        boolean integral = true;
        if (p < end && in[p] == '.') {
            integral = false;
            p++;
            p = requireDigits(p);
        }
        if (p < end && (in[p] == 'e' || in[p] == 'E')) {
            integral = false;
            p++;
            if (p < end && (in[p] == '+' || in[p] == '-')) {
                p++;
            }
            p = requireDigits(p);
        }
        if (p - pos > MAX_NUMBER_LENGTH) {
            throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        pos = p;
        return integral && toLong(digits, intEnd, negative) ? Number.LONG : Number.OTHER;
    }

    /** Skips one value of any kind, checking its syntax. */
    void skipValue() throws ExportFormatException {
        skipValue(1);
    }

    /** Reads {@code true}, {@code false} or {@code null} if one is next; returns which, or 0. */
    int readLiteral() throws ExportFormatException {
        int c = peek();
        String word = c == 't' ? "true" : c == 'f' ? "false" : c == 'n' ? "null" : null;
        if (word == null) {
            return 0;
        }
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= end || in[pos + i] != word.charAt(i)) {
                throw error("unrecognized token");
            }
        }
        pos += word.length();
        return c;
    }

    /** Everything after the value must be whitespace. */
    void expectEnd() throws ExportFormatException {
        if (peek() != -1) {
            throw unexpected("the end of the line");
        }
    }

    ExportFormatException error(String message) {
        return new ExportFormatException(line, "not JSON: " + message + " at column " + (pos - start + 1), null);
    }

    ExportFormatException unexpected(String expected) {
        int c = peek();
        return error(
                c == -1
                        ? "expected " + expected + ", found the end of the line"
                        : "expected " + expected + ", found '" + printable((byte) c) + "'");
    }

    private void skipValue(int depth) throws ExportFormatException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        int c = peek();
        if (c == '"') {
            readString(scratch);
        } else if (c == '{') {
            pos++;
            if (peek() == '}') {
                pos++;
                return;
            }
            do {
                readString(scratch);
                expect(':');
                skipValue(depth + 1);
            } while (comma('}'));
        } else if (c == '[') {
            pos++;
            if (peek() == ']') {
                pos++;
                return;
            }
            do {
                skipValue(depth + 1);
            } while (comma(']'));
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            readNumber();
        } else if (readLiteral() == 0) {
            throw unexpected("a value");
        }
    }

    /** After a member: true on ',' (another follows), false on {@code close}; anything else throws. */
    boolean comma(char close) throws ExportFormatException {
        int c = peek();
        if (c == ',') {
            pos++;
            return true;
        }
        if (c == close) {
            pos++;
            return false;
        }
        throw unexpected("',' or '" + close + "'");
    }

    private int requireDigits(int p) throws ExportFormatException {
        if (p >= end || !isDigit(in[p])) {
            pos = p;
            throw error("expected a digit");
        }
        while (p < end && isDigit(in[p])) {
            p++;
        }
        return p;
    }

    private boolean toLong(int from, int to, boolean negative) {
        if (to - from > 19) {
            return false;
        }
        long value = 0; // accumulated negatively: Long.MIN_VALUE has no positive twin
        for (int p = from; p < to; p++) {
            int d = in[p] - '0';
            if (value < (Long.MIN_VALUE + d) / 10) {
                return false;
            }
            value = value * 10 - d;
        }
        if (!negative && value == Long.MIN_VALUE) {
            return false;
        }
        longValue = negative ? value : -value;
        return true;
    }

    private int hex4(int p) {
        int value = 0;
        for (int i = p; i < p + 4; i++) {
            int d = Character.digit(in[i], 16);
            if (d < 0) {
                return -1;
            }
            value = value << 4 | d;
        }
        return value;
    }

    /** The length of the valid UTF-8 sequence at {@code p} (RFC 3629: no overlongs, no surrogates); throws if bad. */
    private int utf8Length(int p) throws ExportFormatException {
        int c = in[p] & 0xFF;
        int length;
        int low = 0x80;
        int high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0) {
                low = 0xA0;
            } else if (c == 0xED) {
                high = 0x9F;
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0) {
                low = 0x90;
            } else if (c == 0xF4) {
                high = 0x8F;
            }
        } else {
            pos = p;
            throw notUtf8();
        }
        if (p + length > end) {
            pos = p;
            throw notUtf8();
        }
        int second = in[p + 1] & 0xFF;
        boolean ok = second >= low && second <= high;
        for (int i = 2; i < length; i++) {
            ok &= (in[p + i] & 0xC0) == 0x80;
        }
        if (!ok) {
            pos = p;
            throw notUtf8();
        }
        return length;
    }

    private ExportFormatException notUtf8() {
        return new ExportFormatException(line, "not UTF-8: invalid byte sequence at column " + (pos - start + 1), null);
    }

    private static int putCodePoint(byte[] o, int n, int cp) {
        if (cp < 0x80) {
            o[n++] = (byte) cp;
        } else if (cp < 0x800) {
            o[n++] = (byte) (0xC0 | cp >> 6);
            o[n++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            o[n++] = (byte) (0xE0 | cp >> 12);
            o[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            o[n++] = (byte) (0x80 | cp & 0x3F);
        } else {
            o[n++] = (byte) (0xF0 | cp >> 18);
            o[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
            o[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            o[n++] = (byte) (0x80 | cp & 0x3F);
        }
        return n;
    }

    /** The character a two-byte escape stands for, 0 if it is not one. */
    private static char unescape(byte e) {
        return switch (e) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> 0;
        };
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static String printable(byte b) {
        return b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("0x%02x", b & 0xFF);
    }
}
