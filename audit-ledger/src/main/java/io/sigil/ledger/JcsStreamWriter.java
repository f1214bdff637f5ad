package io.sigil.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * RFC 8785 canonical form of a JSON object read token by token, with no tree in between. It declines (returns null)
 * whatever it might not handle exactly as {@link JcsWriter} handles the tree Jackson reads from the same text:
 * integers beyond 2^53, duplicate member names, a root that is not an object, anything after the root; a caller takes
 * the tree path then. Reusable, not thread-safe.
 */
public final class JcsStreamWriter {

    private static final long MAX_EXACT_LONG = 1L << 53;
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    /** Sees every member of every object before its value is written; false makes the writer decline the value. */
    @FunctionalInterface
    public interface Members {
        /**
         * @param depth 0 for the root's members, 1 for those of an object that is a root member's value, and so on
         *     (an array counts as a level)
         * @param parent the member name whose value is the enclosing object; null for the root and in arrays
         * @param parser positioned on the value's first token (START_OBJECT or START_ARRAY for a container); it must
         *     not be moved
         */
        boolean member(int depth, String parent, String name, JsonParser parser) throws IOException;
    }

    private final JcsWriter out = new JcsWriter();
    private byte[] scratch = new byte[2_048];
    private Level[] levels = new Level[8];

    /** The canonical UTF-8 form of the object {@code parser} is about to read, or null if declined. */
    public byte[] canonicalize(JsonParser parser, Members members) throws IOException {
        out.truncate(0);
        boolean done = false;
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT
                    || !object(parser, members, 0, null)
                    || parser.nextToken() != null) {
                return null;
            }
            done = true;
            return out.finish();
        } catch (IllegalArgumentException refused) {
            return null; // e.g. a lone surrogate: the tree path refuses it too, in its own words
        } finally {
            if (!done) {
                out.reset();
            }
        }
    }

    /** Writes one object's members as they come, then reorders them by name if they were not in order. */
    private boolean object(JsonParser parser, Members members, int depth, String parent) throws IOException {
        Level level = level(depth);
        level.count = 0;
        out.put('{');
        int first = out.length();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (level.count > 0) {
                out.put(',');
            }
            int start = out.length();
            out.writeString(name);
            out.put(':');
            if (!value(parser, parser.nextToken(), members, depth, parent, name)) {
                return false;
            }
            level.add(name, start, out.length());
        }
        if (token != JsonToken.END_OBJECT) {
            return false;
        }
        if (!level.sorted()) {
            if (!level.sort()) {
                return false; // a duplicate name: the tree keeps the last value, so the tree path decides
            }
            int end = out.length();
            scratch = out.copyOut(first, end, scratch);
            out.truncate(first);
            for (int i = 0; i < level.count; i++) {
                int member = level.order[i];
                if (i > 0) {
                    out.put(',');
                }
                out.raw(scratch, level.starts[member] - first, level.ends[member] - level.starts[member]);
            }
        }
        out.put('}');
        return true;
    }

    private boolean value(JsonParser parser, JsonToken token, Members members, int depth, String parent, String name)
            throws IOException {
        if (token == null || !members.member(depth, parent, name, parser)) {
            return false;
        }
        switch (token) {
            case START_OBJECT:
                return object(parser, members, depth + 1, name);
            case START_ARRAY:
                return array(parser, members, depth + 1);
            default:
                return scalar(parser, token);
        }
    }

    private boolean array(JsonParser parser, Members members, int depth) throws IOException {
        out.put('[');
        boolean first = true;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (!first) {
                out.put(',');
            }
            first = false;
            if (token == JsonToken.START_OBJECT) {
                if (!object(parser, members, depth + 1, null)) {
                    return false;
                }
            } else if (token == JsonToken.START_ARRAY) {
                if (!array(parser, members, depth + 1)) {
                    return false;
                }
            } else if (token == null || !scalar(parser, token)) {
                return false;
            }
        }
        out.put(']');
        return true;
    }

    private boolean scalar(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                out.writeString(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                return true;
            case VALUE_NUMBER_INT:
                JsonParser.NumberType type = parser.getNumberType();
                if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                    return false;
                }
                long value = parser.getLongValue();
                if (value < -MAX_EXACT_LONG || value > MAX_EXACT_LONG) {
                    return false; // JcsWriter rounds these through a double; the tree path does that
                }
                out.writeLong(value);
                return true;
            case VALUE_TRUE:
                out.raw(TRUE);
                return true;
            case VALUE_FALSE:
                out.raw(FALSE);
                return true;
            case VALUE_NULL:
                out.raw(NULL);
                return true;
            case VALUE_NUMBER_FLOAT:
                // What JcsWriter does with the double of Jackson's DoubleNode (or DecimalNode) for this token.
                double real = parser.getDoubleValue();
                if (real == Math.rint(real) && real > -MAX_EXACT_LONG && real < MAX_EXACT_LONG) {
                    out.writeLong((long) real);
                } else {
                    out.ascii(JcsNumbers.toString(real));
                }
                return true;
            default:
                return false; // embedded objects: the tree path
        }
    }

    private Level level(int depth) {
        if (depth >= levels.length) {
            levels = Arrays.copyOf(levels, Math.max(depth + 1, levels.length * 2));
        }
        Level level = levels[depth];
        if (level == null) {
            level = new Level();
            levels[depth] = level;
        }
        return level;
    }

    /** The members of the object being written at one depth: names and where each one's bytes are. */
    private static final class Level {
        String[] names = new String[16];
        int[] starts = new int[16];
        int[] ends = new int[16];
        int[] order = new int[16];
        int count;

        void add(String name, int start, int end) {
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                order = new int[count * 2];
            }
            names[count] = name;
            starts[count] = start;
            ends[count] = end;
            count++;
        }

        /** Strictly ascending in UTF-16 code units (as §3.2.3 sorts): already canonical, and no duplicates. */
        boolean sorted() {
            for (int i = 1; i < count; i++) {
                if (names[i - 1].compareTo(names[i]) >= 0) {
                    return false;
                }
            }
            return true;
        }

        /** Fills {@link #order} with the members by name; false if two have the same name. */
        boolean sort() {
            for (int i = 0; i < count; i++) {
                int member = i;
                int at = i - 1;
                while (at >= 0 && names[order[at]].compareTo(names[member]) > 0) {
                    order[at + 1] = order[at];
                    at--;
                }
                order[at + 1] = member;
            }
            for (int i = 1; i < count; i++) {
                if (names[order[i - 1]].equals(names[order[i]])) {
                    return false;
                }
            }
            return true;
        }
    }
}
