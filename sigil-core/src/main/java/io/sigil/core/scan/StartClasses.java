package io.sigil.core.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads, from a pattern's source, the char class of each of the first chars of every match ({@code \b[A-Z]{2}[0-9]{2}}
 * gives upper, upper, digit, digit and a word boundary before them), so that the engine tries the pattern
 * anchored only where the text fits them instead of sweeping RE2J over a whole window. Conservative: a
 * construct it does not understand ends the classes (or makes the pattern ineligible), and non-ASCII chars
 * are let through wherever case folding or a negated class could admit them.
 */
final class StartClasses {

    /** Enough to make candidates rare; more would only cost time at every position. */
    static final int MAX_LENGTH = 8;

    /** Chars allowed at one position: ASCII as a bit set, everything else as one flag. */
    record CharSet(long low, long high, boolean nonAscii) {

        static final CharSet NONE = new CharSet(0, 0, false);
        static final CharSet ANY = new CharSet(-1L, -1L, true);

        static CharSet of(char c) {
            return NONE.with(c, c);
        }

        CharSet with(int from, int to) {
            long l = low;
            long h = high;
            boolean other = nonAscii;
            for (int c = from; c <= Math.min(to, 127); c++) {
                if (c < 64) {
                    l |= 1L << c;
                } else {
                    h |= 1L << (c - 64);
                }
            }
            return new CharSet(l, h, other || to >= 128);
        }

        CharSet union(CharSet o) {
            return new CharSet(low | o.low, high | o.high, nonAscii || o.nonAscii);
        }

        CharSet complement() {
            return new CharSet(~low, ~high, true);
        }

        /** Both cases of every ASCII letter; non-ASCII too, since RE2J folds k to U+212A and s to U+017F. */
        CharSet foldCase() {
            CharSet out = this;
            for (int c = 'a'; c <= 'z'; c++) {
                int upper = c - 'a' + 'A';
                if (contains((char) c) || contains((char) upper)) {
                    out = out.with(c, c).with(upper, upper);
                    out = new CharSet(out.low, out.high, true);
                }
            }
            return out;
        }

        boolean contains(char c) {
            if (c < 64) {
                return (low & (1L << c)) != 0;
            }
            return c < 128 ? (high & (1L << (c - 64))) != 0 : nonAscii;
        }
    }

    /** A match length with no bound (a {@code *}, {@code +} or {@code {n,}}). */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    /**
     * What a construct is known to start with: the classes of its first chars, whether it always matches
     * exactly that many chars (so what follows continues the classes), whether a {@code \b} comes before
     * its first char, and the most chars it can match ({@link #UNBOUNDED} if any number).
     */
    record Shape(List<CharSet> classes, boolean complete, boolean boundaryFirst, int maxLength) {

        static final Shape EMPTY = new Shape(List.of(), true, false, 0);

        Shape then(Shape next) {
            int max = add(maxLength, next.maxLength);
            if (!complete) {
                return new Shape(classes, false, boundaryFirst, max);
            }
            List<CharSet> joined = new ArrayList<>(classes);
            joined.addAll(next.classes);
            boolean capped = joined.size() > MAX_LENGTH;
            return new Shape(
                    List.copyOf(capped ? joined.subList(0, MAX_LENGTH) : joined),
                    next.complete && !capped,
                    boundaryFirst || (classes.isEmpty() && next.boundaryFirst),
                    max);
        }

        private static int add(int a, int b) {
            return a == UNBOUNDED || b == UNBOUNDED ? UNBOUNDED : (int) Math.min(UNBOUNDED - 1L, (long) a + b);
        }

        private static int times(int a, int count) {
            if (a == 0) {
                return 0;
            }
            return a == UNBOUNDED || count == UNBOUNDED ? UNBOUNDED : (int) Math.min(UNBOUNDED - 1L, (long) a * count);
        }

        Shape or(Shape other) {
            int length = Math.min(classes.size(), other.classes.size());
            List<CharSet> joined = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                joined.add(classes.get(i).union(other.classes.get(i)));
            }
            return new Shape(
                    List.copyOf(joined),
                    complete && other.complete && classes.size() == other.classes.size(),
                    boundaryFirst && other.boundaryFirst,
                    Math.max(maxLength, other.maxLength));
        }

        Shape repeated(int min, int max) {
            int longest = times(maxLength, max);
            if (min == 0) {
                return new Shape(List.of(), max == 0, false, longest);
            }
            Shape out = EMPTY;
            for (int i = 0; i < min && out.complete; i++) {
                out = out.then(this);
            }
            return new Shape(out.classes, out.complete && min == max, out.boundaryFirst, longest);
        }
    }

    private static final CharSet NONE_WORD = word();

    private final String regex;
    private int pos;
    private boolean foldCase;

    private StartClasses(String regex) {
        this.regex = regex;
    }

    /** The start shape of every match of {@code regex}, or null when the source uses a construct not read here. */
    static Shape of(String regex) {
        try {
            StartClasses parser = new StartClasses(regex);
            Shape shape = parser.alternation();
            return parser.pos == regex.length() ? shape : null;
        } catch (RuntimeException e) {
            return null; // not eligible, never wrong
        }
    }

    /**
     * A shape flattened for the scan loop, which asks it at every place of a window: per position the ASCII
     * bits (the shift count of a {@code long} is taken mod 64, so one {@code 1L << c} serves both halves).
     */
    record Filter(long[] low, long[] high, boolean[] nonAscii, boolean boundaryFirst, int maxLength) {

        /**
         * Whether a match can only start where a word starts: a {@code \\b} before a first char that is
         * always an ASCII word char.
         */
        boolean atWordStarts() {
            CharSet word = NONE_WORD;
            return boundaryFirst && !nonAscii[0] && (low[0] & ~word.low()) == 0 && (high[0] & ~word.high()) == 0;
        }

        static Filter of(Shape shape) {
            int n = shape.classes().size();
            long[] low = new long[n];
            long[] high = new long[n];
            boolean[] nonAscii = new boolean[n];
            for (int i = 0; i < n; i++) {
                CharSet set = shape.classes().get(i);
                low[i] = set.low();
                high[i] = set.high();
                nonAscii[i] = set.nonAscii();
            }
            return new Filter(low, high, nonAscii, shape.boundaryFirst(), shape.maxLength());
        }

        /**
         * Whether a match could start at {@code at} of the text of {@code symbols} ({@link Symbols#of}): the
         * classes fit and, if asked for, a word boundary is there.
         */
        boolean fits(byte[] symbols, int at) {
            int n = low.length;
            if (at + n > symbols.length) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                int c = symbols[at + i] & 0xFF;
                if (c >= 128) {
                    if (!nonAscii[i]) {
                        return false;
                    }
                    break; // RE2J reads code points: after a surrogate pair, chars and positions no longer line up
                }
                if (((c < 64 ? low[i] : high[i]) & (1L << c)) == 0) {
                    return false;
                }
            }
            if (!boundaryFirst) {
                return true;
            }
            boolean before = at > 0 && isWordSymbol(symbols[at - 1]);
            return before != isWordSymbol(symbols[at]);
        }
    }

    /** ASCII word chars, as RE2J's {@code \b} sees them. */
    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Whether a {@link Symbols symbol} is an ASCII word char; a table lookup, as it is asked at every char. */
    static boolean isWordSymbol(byte symbol) {
        return WORD_SYMBOL[symbol & 0xFF];
    }

    private static final boolean[] WORD_SYMBOL = new boolean[256];

    static {
        for (char c = 0; c < 128; c++) {
            WORD_SYMBOL[c] = isWordChar(c);
        }
    }

    private Shape alternation() {
        boolean outerFold = foldCase;
        Shape shape = sequence();
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            shape = shape.or(sequence());
        }
        foldCase = outerFold; // a (?i) inside a group ends with it
        return shape;
    }

    private Shape sequence() {
        Shape shape = Shape.EMPTY;
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            Shape atom = atom();
            shape = shape.then(quantified(atom));
        }
        return shape;
    }

    private Shape quantified(Shape atom) {
        if (pos >= regex.length()) {
            return atom;
        }
        char c = regex.charAt(pos);
        int min;
        int max;
        if (c == '?' || c == '*' || c == '+') {
            pos++;
            min = c == '+' ? 1 : 0;
            max = c == '?' ? 1 : Integer.MAX_VALUE;
        } else if (c == '{' && regex.indexOf('}', pos) > pos) {
            int close = regex.indexOf('}', pos);
            String[] counts = regex.substring(pos + 1, close).split(",", -1);
            min = Integer.parseInt(counts[0]);
            max = counts.length == 1 ? min : counts[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(counts[1]);
            pos = close + 1;
        } else {
            return atom;
        }
        if (pos < regex.length() && regex.charAt(pos) == '?') {
            pos++; // lazy: the same chars can match, in another order of preference
        }
        return atom.repeated(min, max);
    }

    private Shape atom() {
        char c = regex.charAt(pos);
        if (c == '(') {
            return group();
        }
        if (c == '[') {
            return single(charClass());
        }
        if (c == '\\') {
            return escape();
        }
        pos++;
        if (c == '.') {
            return single(CharSet.ANY);
        }
        if (c == '^' || c == '$') {
            return Shape.EMPTY; // zero-width
        }
        if (c == '*' || c == '+' || c == '?' || c == '{') {
            throw new IllegalArgumentException("quantifier without an atom");
        }
        return single(CharSet.of(c));
    }

    private Shape single(CharSet set) {
        return new Shape(List.of(foldCase ? set.foldCase() : set), true, false, 1);
    }

    private Shape group() {
        pos++;
        if (regex.startsWith("?", pos)) {
            pos++;
            if (regex.startsWith("P<", pos) || regex.startsWith("<", pos)) {
                pos = regex.indexOf('>', pos) + 1;
            } else {
                int flagsEnd = pos;
                while (flagsEnd < regex.length() && "imsU-".indexOf(regex.charAt(flagsEnd)) >= 0) {
                    flagsEnd++;
                }
                String flags = regex.substring(pos, flagsEnd);
                boolean fold = foldCase;
                int minus = flags.indexOf('-');
                if (flags.indexOf('i') >= 0) {
                    fold = minus < 0 || flags.indexOf('i') < minus;
                }
                pos = flagsEnd + 1;
                if (regex.charAt(flagsEnd) == ')') {
                    foldCase = fold; // (?i) alone: for the rest of the enclosing group
                    return Shape.EMPTY;
                }
                if (regex.charAt(flagsEnd) != ':') {
                    throw new IllegalArgumentException("unsupported group");
                }
                boolean outer = foldCase;
                foldCase = fold;
                Shape inner = closeGroup();
                foldCase = outer;
                return inner;
            }
        }
        return closeGroup();
    }

    private Shape closeGroup() {
        Shape inner = alternation();
        if (pos >= regex.length() || regex.charAt(pos) != ')') {
            throw new IllegalArgumentException("unbalanced group");
        }
        pos++;
        return inner;
    }

    private Shape escape() {
        char e = regex.charAt(pos + 1);
        pos += 2;
        return switch (e) {
            case 'b' -> new Shape(List.of(), true, true, 0);
            case 'B', 'A', 'z' -> Shape.EMPTY;
            default -> single(escapedSet(e));
        };
    }

    /** The chars one escape stands for, in or out of a class; RE2J's perl classes are ASCII-only. */
    private CharSet escapedSet(char e) {
        return switch (e) {
            case 'd' -> CharSet.NONE.with('0', '9');
            case 'D' -> CharSet.NONE.with('0', '9').complement();
            case 'w' -> word();
            case 'W' -> word().complement();
            case 's' -> whitespace();
            case 'S' -> whitespace().complement();
            case 'n' -> CharSet.of('\n');
            case 't' -> CharSet.of('\t');
            case 'r' -> CharSet.of('\r');
            case 'f' -> CharSet.of('\f');
            case 'v' -> CharSet.of('\u000B');
            default -> {
                if (Character.isLetterOrDigit(e)) {
                    throw new IllegalArgumentException("unsupported escape \\" + e);
                }
                yield CharSet.of(e);
            }
        };
    }

    private static CharSet word() {
        return CharSet.NONE.with('0', '9').with('A', 'Z').with('a', 'z').with('_', '_');
    }

    private static CharSet whitespace() {
        return CharSet.NONE.with('\t', '\n').with('\f', '\r').with(' ', ' ');
    }

    private CharSet charClass() {
        pos++;
        boolean negated = regex.charAt(pos) == '^';
        if (negated) {
            pos++;
        }
        CharSet set = CharSet.NONE;
        boolean first = true;
        while (regex.charAt(pos) != ']' || first) {
            first = false;
            if (regex.startsWith("[:", pos)) {
                throw new IllegalArgumentException("POSIX classes are not read");
            }
            int from;
            if (regex.charAt(pos) == '\\') {
                char e = regex.charAt(pos + 1);
                pos += 2;
                CharSet escaped = escapedSet(e);
                if (!isSingle(e)) {
                    set = set.union(escaped);
                    continue;
                }
                from = singleChar(e);
            } else {
                from = regex.charAt(pos++);
            }
            int to = from;
            if (regex.charAt(pos) == '-' && regex.charAt(pos + 1) != ']') {
                pos++;
                char t = regex.charAt(pos++);
                if (t == '\\') {
                    char e = regex.charAt(pos++);
                    if (!isSingle(e)) {
                        throw new IllegalArgumentException("range to a class");
                    }
                    to = singleChar(e);
                } else {
                    to = t;
                }
            }
            set = set.with(from, to);
        }
        pos++;
        if (foldCase) {
            set = set.foldCase();
        }
        return negated ? set.complement() : set;
    }

    private static boolean isSingle(char e) {
        return "dDwWsS".indexOf(e) < 0;
    }

    private static int singleChar(char e) {
        return switch (e) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'f' -> '\f';
            case 'v' -> '\u000B';
            default -> {
                if (Character.isLetterOrDigit(e)) {
                    throw new IllegalArgumentException("unsupported escape \\" + e);
                }
                yield e;
            }
        };
    }
}
