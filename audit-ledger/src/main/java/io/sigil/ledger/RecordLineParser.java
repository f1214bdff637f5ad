package io.sigil.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Reads one export line into the fields of a record, by name and in any order, straight from the line's bytes: no
 * tree, no token objects, and the event unescaped into a reused buffer. Applies the rules of
 * {@link LedgerJson#recordFromJson}; besides, a record field given twice is refused rather than letting one copy win.
 */
final class RecordLineParser {
    enum Kind {
        RECORD,
        CHECKPOINT
    }

    private static final int TYPE = 0;
    private static final int CHAIN = 1;
    private static final int SEQ = 2;
    private static final int OFFSET = 3;
    private static final int EPOCH = 4;
    private static final int SEALED_AT = 5;
    private static final int EVENT = 6;
    private static final int EVENT_SHA256 = 7;
    private static final int PREV_MAC = 8;
    private static final int MAC = 9;
    private static final String[] NAMES = {
        "type", "chain", "seq", "offset", "epoch", "sealed_at", "event", "event_sha256", "prev_mac", "mac"
    };
    private static final byte[][] NAME_BYTES = new byte[NAMES.length][];
    private static final byte[] RECORD = ExportWriter.RECORD.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECKPOINT = ExportWriter.CHECKPOINT.getBytes(StandardCharsets.US_ASCII);
    private static final int CHAIN_CACHE = 16;
    private static final int[] HEX_VALUES = new int[256];

    static {
        Arrays.fill(HEX_VALUES, -1);
        for (int i = 0; i < 16; i++) {
            HEX_VALUES["0123456789abcdef".charAt(i)] = i;
            HEX_VALUES["0123456789ABCDEF".charAt(i)] = i;
        }
        for (int i = 0; i < NAMES.length; i++) {
            NAME_BYTES[i] = NAMES[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final JsonCursor json = new JsonCursor();
    private final Utf8Buffer name = new Utf8Buffer();
    private final Utf8Buffer[] texts = new Utf8Buffer[NAMES.length];
    /** The exact Java text of a field whose value held an unpaired surrogate escape, else null. */
    private final String[] oddTexts = new String[NAMES.length];

    private final long[] integers = new long[NAMES.length];
    private int given; // fields present, to refuse duplicates
    private int values; // fields with a non-null value of the right kind
    private String problem;

    // The few chain names of an export, so each record does not decode its own copy.
    private final byte[][] chainKeys = new byte[CHAIN_CACHE][];
    private final String[] chainNames = new String[CHAIN_CACHE];
    private int chainCount;

    RecordLineParser() {
        for (int i = 0; i < texts.length; i++) {
            texts[i] = new Utf8Buffer();
        }
    }

    /** Parses the line {@code in[start, end)}; null if it is blank. Syntax errors and unknown types throw. */
    Kind parse(byte[] in, int start, int end, long line) throws ExportFormatException {
        json.reset(in, start, end, line);
        int first = json.peek();
        if (first == -1) {
            return null;
        }
        if (first != '{') {
            throw new ExportFormatException(line, "expected a JSON object per line, found " + describe(first), null);
        }
        json.skipByte();
        given = 0;
        values = 0;
        problem = null;
        if (json.peek() == '}') {
            json.skipByte();
        } else {
            do {
                json.readString(name);
                json.expect(':');
                field(index(name));
            } while (json.comma('}'));
        }
        json.expectEnd();
        if (has(TYPE) && oddTexts[TYPE] == null) {
            if (texts[TYPE].contentEquals(RECORD)) {
                return Kind.RECORD;
            }
            if (texts[TYPE].contentEquals(CHECKPOINT)) {
                return Kind.CHECKPOINT;
            }
        }
        throw new ExportFormatException(line, "unknown line type " + (has(TYPE) ? text(TYPE) : null), null);
    }

    /** The record just parsed, for the verifier; IllegalArgumentException names a missing or malformed field. */
    ChainEntry entry() {
        checkCommonFields();
        return entryWith(texts[EVENT].copy(), 0);
    }

    /**
     * The same with the event copied into {@code events} at {@code offset}, which must have room for
     * {@link #eventLength()} bytes; nothing is copied if a field is bad.
     */
    ChainEntry entry(byte[] events, int offset) {
        checkCommonFields();
        System.arraycopy(texts[EVENT].bytes, 0, events, offset, texts[EVENT].length);
        return entryWith(events, offset);
    }

    private ChainEntry entryWith(byte[] events, int offset) {
        return new ChainEntry(
                chain(),
                integers[SEQ],
                integers[EPOCH],
                events,
                offset,
                texts[EVENT].length,
                hex(EVENT_SHA256),
                hex(PREV_MAC),
                hex(MAC));
    }

    /** The length in bytes of the event just parsed, 0 if it has none. */
    int eventLength() {
        return has(EVENT) ? texts[EVENT].length : 0;
    }

    /** The record just parsed, in full. */
    SealedRecord record() {
        checkCommonFields();
        return new SealedRecord(
                chain(),
                integers[SEQ],
                integers[OFFSET],
                integers[EPOCH],
                Instant.parse(text(SEALED_AT)),
                text(EVENT),
                hex(EVENT_SHA256),
                hex(PREV_MAC),
                hex(MAC));
    }

    private void checkCommonFields() {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        require(SEQ);
        require(OFFSET);
        require(EPOCH);
        require(CHAIN);
        checkInstant();
        require(EVENT);
        require(EVENT_SHA256);
        require(PREV_MAC);
        require(MAC);
    }

    private void field(int index) throws ExportFormatException {
        if (index < 0) {
            json.skipValue();
            return;
        }
        if ((given & 1 << index) != 0) {
            throw new ExportFormatException(json.line(), "duplicate field " + NAMES[index], null);
        }
        given |= 1 << index;
        int c = json.peek();
        if (index == SEQ || index == OFFSET || index == EPOCH) {
            if (c == '-' || (c >= '0' && c <= '9')) {
                if (json.readNumber() == JsonCursor.Number.LONG) {
                    integers[index] = json.longValue();
                    values |= 1 << index;
                } else {
                    noteProblem("field " + NAMES[index] + " must be an integer");
                }
                return;
            }
        } else if (c == '"') {
            json.readString(texts[index]);
            oddTexts[index] = json.loneSurrogate() ? json.rawText() : null;
            values |= 1 << index;
            return;
        }
        if (c == 'n') {
            json.readLiteral(); // null is as good as absent
            return;
        }
        noteProblem("field " + NAMES[index] + " must be "
                + (index == SEQ || index == OFFSET || index == EPOCH ? "an integer" : "a string"));
        json.skipValue();
    }

    private int index(Utf8Buffer name) {
        int i =
                switch (name.length) {
                    case 3 -> name.bytes[0] == 's' ? SEQ : MAC;
                    case 4 -> TYPE;
                    case 5 -> name.bytes[0] == 'c' ? CHAIN : name.bytes[1] == 'p' ? EPOCH : EVENT;
                    case 6 -> OFFSET;
                    case 8 -> PREV_MAC;
                    case 9 -> SEALED_AT;
                    case 12 -> EVENT_SHA256;
                    default -> -1;
                };
        return i >= 0 && name.contentEquals(NAME_BYTES[i]) ? i : -1;
    }

    private boolean has(int index) {
        return (values & 1 << index) != 0;
    }

    private void require(int index) {
        if (!has(index)) {
            throw new IllegalArgumentException("missing field " + NAMES[index]);
        }
    }

    private void noteProblem(String message) {
        if (problem == null) {
            problem = message;
        }
    }

    private String text(int index) {
        Utf8Buffer b = texts[index];
        return oddTexts[index] != null ? oddTexts[index] : new String(b.bytes, 0, b.length, StandardCharsets.UTF_8);
    }

    private String chain() {
        if (oddTexts[CHAIN] != null) {
            return oddTexts[CHAIN];
        }
        Utf8Buffer b = texts[CHAIN];
        for (int i = 0; i < chainCount; i++) {
            if (b.contentEquals(chainKeys[i])) {
                return chainNames[i];
            }
        }
        String chain = text(CHAIN);
        if (chainCount < CHAIN_CACHE) {
            chainKeys[chainCount] = b.copy();
            chainNames[chainCount++] = chain;
        }
        return chain;
    }

    private void checkInstant() {
        require(SEALED_AT);
        Utf8Buffer b = texts[SEALED_AT];
        if (oddTexts[SEALED_AT] == null && PlainInstants.isPlain(b.bytes, b.length)) {
            return;
        }
        try {
            Instant.parse(text(SEALED_AT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field sealed_at is not an ISO-8601 instant", e);
        }
    }

    private byte[] hex(int index) {
        Utf8Buffer b = texts[index];
        if (oddTexts[index] == null && b.length % 2 == 0) {
            byte[] out = new byte[b.length / 2];
            boolean ok = true;
            for (int i = 0; i < out.length; i++) {
                int high = hexDigit(b.bytes[2 * i]);
                int low = hexDigit(b.bytes[2 * i + 1]);
                ok &= (high | low) >= 0;
                out[i] = (byte) (high << 4 | low);
            }
            if (ok) {
                return out;
            }
        }
        try {
            return Hex.decode(text(index)); // for its exact message
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field " + NAMES[index] + ": " + e.getMessage(), e);
        }
    }

    private static int hexDigit(byte b) {
        return HEX_VALUES[b & 0xFF]; // a table, not branches: hex digits are random, branches would mispredict
    }

    private static String describe(int c) {
        return switch (c) {
            case '[' -> "START_ARRAY";
            case '"' -> "VALUE_STRING";
            default -> "'" + (c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("0x%02x", c)) + "'";
        };
    }
}
