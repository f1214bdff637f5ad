package io.sigil.core.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An exact stand-in for RE2J's {@code find} on patterns of the shape {@code \b(X)\b}, where X is a bounded
 * expression of ASCII chars and classes that starts and ends with word chars (the digit shapes of cards and
 * national ids): at each place where a match may start, a DFA whose states are RE2J's threads in priority order
 * (a thread that matches cuts every lower one, RE2's first-match rule) reads at most X's longest match, so it
 * gives the same match as RE2J, in a table lookup per char. {@link #of} returns null for anything else.
 * Immutable and thread-safe.
 */
final class FirstMatchDfa {

    /** Past this many DFA states the pattern gets none. */
    static final int MAX_STATES = 4096;

    /** Past this many chars in X's longest match the pattern gets none (a read per place is bounded by it). */
    static final int MAX_LENGTH = 64;

    /** Columns per state: every symbol, rounded up to an even count so that row offsets leave bit 0 free. */
    private static final int COLUMNS = (Symbols.COUNT + 1) & ~1;

    /**
     * Per state and symbol: the next state's row offset (its index times {@link #COLUMNS}, an even number, so no
     * multiplication per char), plus one when a match ended just before the symbol (the pending {@code \b} saw a
     * non-word char). State 0 is dead.
     */
    private final int[] next;

    /** Per state index: whether a match ends at the end of the region (the {@code \b} then holds). */
    private final boolean[] matchAtEnd;

    /** Per symbol: whether X can start with it. */
    private final boolean[] first;

    /** Row offset of the start state. */
    private final int start;

    private FirstMatchDfa(int[] next, boolean[] matchAtEnd, boolean[] first, int start) {
        this.next = next;
        this.matchAtEnd = matchAtEnd;
        this.first = first;
        this.start = start;
    }

    /** The DFA of a {@code \b(X)\b} pattern compiled without flags, or null when it is not of that shape. */
    static FirstMatchDfa of(String regex, int flags) {
        if (flags != 0 || !regex.startsWith("\\b(") || !regex.endsWith(")\\b")) {
            return null;
        }
        try {
            Parser parser = new Parser(regex, 3);
            Node body = parser.alternation();
            if (parser.pos != regex.length() - 3 || body.maxLength() > MAX_LENGTH) {
                return null;
            }
            return Builder.build(body);
        } catch (Unsupported e) {
            return null;
        }
    }

    /**
     * What RE2J's {@code find} gives on the region {@code [from, to)} of the text of {@code symbols} ({@link
     * Symbols#of}), searching from {@code at}: the match's start and end (absolute) packed as {@code start << 32 |
     * end}, or -1 when there is none. The region's edges are the text's edges for {@code \b}, as for RE2J.
     */
    long find(byte[] symbols, int from, int to, int at) {
        boolean[] first = this.first;
        for (int s = at; s < to; s++) {
            // X starts with a word char, so the leading \b holds exactly where the char before is not one.
            if (!first[symbols[s] & 0xFF] || (s > from && isWord(symbols[s - 1] & 0xFF))) {
                continue;
            }
            int end = matchEnd(symbols, s, to);
            if (end >= 0) {
                return (long) s << 32 | end;
            }
        }
        return -1;
    }

    /**
     * The end of the match RE2J's anchored try at {@code s} takes in the region {@code [from, to)} (the char before
     * {@code s} is context, when the region holds it), or -1 without one.
     */
    int matchAt(byte[] symbols, int from, int s, int to) {
        if (s >= to || !first[symbols[s] & 0xFF] || (s > from && isWord(symbols[s - 1] & 0xFF))) {
            return -1;
        }
        return matchEnd(symbols, s, to);
    }

    /** The end of the match RE2J takes starting at {@code s} (a word boundary), or -1 without one. */
    private int matchEnd(byte[] symbols, int s, int to) {
        int[] next = this.next;
        int state = start;
        int end = -1;
        int p = s;
        while (p < to) {
            int t = next[state + (symbols[p] & 0xFF)];
            if ((t & 1) != 0) {
                end = p;
            }
            state = t & ~1;
            p++;
            if (state == 0) {
                return end;
            }
        }
        return matchAtEnd[state / COLUMNS] ? to : end;
    }

    /** ASCII word chars, as RE2J's {@code \b} sees them; every other symbol is not one. */
    static boolean isWord(int symbol) {
        return (symbol >= 'a' && symbol <= 'z')
                || (symbol >= 'A' && symbol <= 'Z')
                || (symbol >= '0' && symbol <= '9')
                || symbol == '_';
    }

    /** A construct outside the shapes read here. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** X's syntax tree: a set of symbols, a sequence, ordered alternatives, a greedy bounded repetition. */
    private sealed interface Node {
        int maxLength();
    }

    private record Chars(boolean[] set) implements Node {
        public int maxLength() {
            return 1;
        }
    }

    private record Seq(List<Node> items) implements Node {
        public int maxLength() {
            return items.stream().mapToInt(Node::maxLength).sum();
        }
    }

    private record Alt(List<Node> options) implements Node {
        public int maxLength() {
            return options.stream().mapToInt(Node::maxLength).max().orElse(0);
        }
    }

    private record Repeat(Node item, int min, int max) implements Node {
        public int maxLength() {
            return item.maxLength() * max;
        }
    }

    /**
     * Reads the subset of RE2 syntax these shapes use: literals, escaped punctuation, {@code \d}, classes without
     * negation, {@code (?:...)}, {@code |}, {@code ?} and {@code {n,m}} (greedy); anything else is unsupported.
     */
    private static final class Parser {
        private final String regex;
        int pos;

        Parser(String regex, int pos) {
            this.regex = regex;
            this.pos = pos;
        }

        Node alternation() {
            List<Node> options = new ArrayList<>();
            options.add(sequence());
            while (pos < regex.length() && regex.charAt(pos) == '|') {
                pos++;
                options.add(sequence());
            }
            return options.size() == 1 ? options.get(0) : new Alt(options);
        }

        private Node sequence() {
            List<Node> items = new ArrayList<>();
            while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
                items.add(quantified(atom()));
            }
            return new Seq(items);
        }

        private Node quantified(Node atom) {
            if (pos >= regex.length()) {
                return atom;
            }
            char c = regex.charAt(pos);
            Node out;
            if (c == '?') {
                pos++;
                out = new Repeat(atom, 0, 1);
            } else if (c == '{') {
                int close = regex.indexOf('}', pos);
                if (close < 0) {
                    throw new Unsupported();
                }
                String[] counts = regex.substring(pos + 1, close).split(",", -1);
                if (counts.length > 2 || !counts[0].matches("[0-9]{1,3}")) {
                    throw new Unsupported();
                }
                int min = Integer.parseInt(counts[0]);
                if (counts.length == 2 && !counts[1].matches("[0-9]{1,3}")) {
                    throw new Unsupported(); // {n,} is unbounded
                }
                int max = counts.length == 2 ? Integer.parseInt(counts[1]) : min;
                if (max < min || max == 0) {
                    throw new Unsupported();
                }
                pos = close + 1;
                out = new Repeat(atom, min, max);
            } else if (c == '*' || c == '+') {
                throw new Unsupported(); // unbounded
            } else {
                return atom;
            }
            if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
                throw new Unsupported(); // lazy or possessive
            }
            return out;
        }

        private Node atom() {
            char c = regex.charAt(pos);
            if (c == '(') {
                if (!regex.startsWith("(?:", pos)) {
                    throw new Unsupported(); // a capturing group or flags
                }
                pos += 3;
                Node inner = alternation();
                if (pos >= regex.length() || regex.charAt(pos) != ')') {
                    throw new Unsupported();
                }
                pos++;
                return inner;
            }
            if (c == '[') {
                return charClass();
            }
            if (c == '\\') {
                return new Chars(escape());
            }
            if ("^$.*+?{}]".indexOf(c) >= 0) {
                throw new Unsupported();
            }
            pos++;
            return new Chars(single(c));
        }

        /** An escape outside or inside a class: {@code \d} or escaped punctuation. */
        private boolean[] escape() {
            if (pos + 1 >= regex.length()) {
                throw new Unsupported();
            }
            char e = regex.charAt(pos + 1);
            pos += 2;
            if (e == 'd') {
                boolean[] set = new boolean[COLUMNS];
                Arrays.fill(set, '0', '9' + 1, true);
                return set;
            }
            if (e < 128 && !Character.isLetterOrDigit(e)) {
                return single(e);
            }
            throw new Unsupported();
        }

        private Node charClass() {
            pos++;
            if (pos < regex.length() && regex.charAt(pos) == '^') {
                throw new Unsupported();
            }
            boolean[] set = new boolean[COLUMNS];
            boolean any = false;
            while (pos < regex.length() && (regex.charAt(pos) != ']' || !any)) {
                int low = classChar(set);
                if (low < 0) {
                    any = true;
                    continue;
                }
                int high = low;
                if (pos + 1 < regex.length() && regex.charAt(pos) == '-' && regex.charAt(pos + 1) != ']') {
                    pos++;
                    high = classChar(null);
                    if (high < low) {
                        throw new Unsupported();
                    }
                }
                Arrays.fill(set, low, high + 1, true);
                any = true;
            }
            if (pos >= regex.length()) {
                throw new Unsupported();
            }
            pos++;
            return new Chars(set);
        }

        /** One char of a class, or -1 after adding a named set such as {@code \d} to {@code set}. */
        private int classChar(boolean[] set) {
            char c = regex.charAt(pos);
            if (c == '[') {
                throw new Unsupported(); // [:alpha:] and the like
            }
            if (c != '\\') {
                if (c >= 128) {
                    throw new Unsupported();
                }
                pos++;
                return c;
            }
            char e = pos + 1 < regex.length() ? regex.charAt(pos + 1) : 0;
            if (e == 'd' && set != null) {
                boolean[] digits = escape();
                for (int i = 0; i < COLUMNS; i++) {
                    set[i] |= digits[i];
                }
                return -1;
            }
            boolean[] one = escape();
            for (int i = 0; i < 128; i++) {
                if (one[i]) {
                    return i;
                }
            }
            throw new Unsupported();
        }

        private static boolean[] single(char c) {
            if (c >= 128) {
                throw new Unsupported();
            }
            boolean[] set = new boolean[COLUMNS];
            set[c] = true;
            return set;
        }
    }

    /**
     * Builds the DFA: an NFA with RE2J's thread priorities (alternatives in order, repetitions greedy), then a
     * subset construction whose states are ordered lists of threads, cut after the first that matches.
     */
    private static final class Builder {
        private static final int CHAR = 0;
        private static final int SPLIT = 1;
        private static final int MATCH = 2;

        private final List<int[]> states = new ArrayList<>(); // {kind, out1, out2}
        private final List<boolean[]> sets = new ArrayList<>();

        private int add(int kind, int out1, int out2, boolean[] set) {
            states.add(new int[] {kind, out1, out2});
            sets.add(set);
            return states.size() - 1;
        }

        private int compile(Node node, int next) {
            if (node instanceof Chars chars) {
                return add(CHAR, next, -1, chars.set());
            }
            if (node instanceof Seq seq) {
                int entry = next;
                for (int i = seq.items().size() - 1; i >= 0; i--) {
                    entry = compile(seq.items().get(i), entry);
                }
                return entry;
            }
            if (node instanceof Alt alt) {
                int entry = compile(alt.options().get(alt.options().size() - 1), next);
                for (int i = alt.options().size() - 2; i >= 0; i--) {
                    entry = add(SPLIT, compile(alt.options().get(i), next), entry, null);
                }
                return entry;
            }
            Repeat repeat = (Repeat) node;
            int entry = next;
            // The optional copies nest, each preferring one more item (greedy): (x(x)?)?.
            for (int k = 0; k < repeat.max() - repeat.min(); k++) {
                entry = add(SPLIT, compile(repeat.item(), entry), next, null);
            }
            for (int k = 0; k < repeat.min(); k++) {
                entry = compile(repeat.item(), entry);
            }
            return entry;
        }

        /** Appends the threads reached from {@code state} in priority order, each state once. */
        private void close(int state, boolean[] seen, List<Integer> into) {
            if (seen[state]) {
                return;
            }
            seen[state] = true;
            int[] s = states.get(state);
            if (s[0] == SPLIT) {
                close(s[1], seen, into);
                close(s[2], seen, into);
            } else {
                into.add(state);
            }
        }

        static FirstMatchDfa build(Node body) {
            Builder b = new Builder();
            int match = b.add(MATCH, -1, -1, null);
            int entry = b.compile(body, match);
            List<Integer> startList = new ArrayList<>();
            b.close(entry, new boolean[b.states.size()], startList);
            if (startList.contains(match)) {
                throw new Unsupported(); // X matches the empty string
            }
            boolean[] first = new boolean[COLUMNS];
            for (int t : startList) {
                boolean[] set = b.sets.get(t);
                for (int c = 0; c < COLUMNS; c++) {
                    if (set[c]) {
                        if (!isWord(c)) {
                            throw new Unsupported(); // the leading \b would then need the char before to be a word char
                        }
                        first[c] = true;
                    }
                }
            }
            Map<List<Integer>, Integer> ids = new HashMap<>();
            List<List<Integer>> lists = new ArrayList<>();
            ids.put(List.of(), 0);
            lists.add(List.of());
            ids.put(startList, 1);
            lists.add(startList);
            List<int[]> rows = new ArrayList<>();
            for (int id = 0; id < lists.size(); id++) {
                if (lists.size() > MAX_STATES) {
                    throw new Unsupported();
                }
                int[] row = new int[COLUMNS];
                List<Integer> threads = lists.get(id);
                for (int c = 0; c < COLUMNS; c++) {
                    List<Integer> after = new ArrayList<>();
                    boolean[] seen = new boolean[b.states.size()];
                    boolean matched = false;
                    for (int t : threads) {
                        int[] s = b.states.get(t);
                        if (s[0] == MATCH) {
                            if (!isWord(c)) {
                                matched = true;
                                break; // the trailing \b holds: this match cuts every lower thread
                            }
                            continue; // a word char follows: no boundary, the thread dies
                        }
                        if (b.sets.get(t)[c]) {
                            int before = after.size();
                            b.close(s[1], seen, after);
                            if (!isWord(c)
                                    && after.subList(before, after.size()).contains(match)) {
                                throw new Unsupported(); // X would end with a non-word char
                            }
                        }
                    }
                    Integer to = ids.get(after);
                    if (to == null) {
                        to = lists.size();
                        ids.put(after, to);
                        lists.add(after);
                    }
                    row[c] = to * COLUMNS + (matched ? 1 : 0);
                }
                rows.add(row);
            }
            int[] next = new int[rows.size() * COLUMNS];
            boolean[] matchAtEnd = new boolean[rows.size()];
            for (int id = 0; id < rows.size(); id++) {
                System.arraycopy(rows.get(id), 0, next, id * COLUMNS, COLUMNS);
                matchAtEnd[id] = lists.get(id).contains(match);
            }
            return new FirstMatchDfa(next, matchAtEnd, first, COLUMNS);
        }
    }
}
