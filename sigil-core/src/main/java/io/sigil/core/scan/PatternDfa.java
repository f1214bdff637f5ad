package io.sigil.core.scan;

import io.sigil.core.scan.StartClasses.CharSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A DFA, built once from a pattern's source, that answers one question in one table lookup per char: can a
 * match of the pattern lie anywhere in this region? It reads a language that contains the pattern's (zero-width
 * assertions such as {@code \b}, {@code ^} and {@code $} match everywhere, {@code .} takes any char, a
 * repetition of more than {@link #MAX_COUNT} becomes unbounded, any non-ASCII char fits wherever a
 * non-ASCII char might), so "no" is always right and "maybe" is left to RE2J. The engine asks it before
 * handing a window to RE2J, which then only sees the windows that may hold a match. Patterns with a
 * construct not read here, or whose DFA would pass {@link #MAX_STATES} states, get none ({@link #of}
 * returns null). Immutable and thread-safe.
 */
final class PatternDfa {

    /** Repetition counts above this are read as unbounded (a larger language, a smaller automaton). */
    static final int MAX_COUNT = 64;

    /** Past this many NFA states the pattern gets no DFA. */
    static final int MAX_NFA_STATES = 4096;

    /** Past this many DFA states the pattern gets no DFA. */
    static final int MAX_STATES = 2048;

    /** Symbol of every non-ASCII char (a surrogate pair counts once, as RE2J reads one code point). */
    private static final int NON_ASCII = 128;

    /** The tables the DFA is built from; what a lazy DFA builds its states from as it reads. */
    private final Tables tables;

    /**
     * The transitions of an eager DFA, flattened and premultiplied: from the state at offset {@code state}, a
     * symbol leads to {@code next[state + symbolClass[symbol]]}, again an offset (a state's index times {@link
     * #stride}), which saves a multiplication per char. Null when lazy.
     */
    private final int[] next;

    /** Per {@link Symbols symbol}: its class, {@link Symbols#SKIP} to a column that leaves every state as it is. */
    private final int[] symbolClass;

    /** Columns per state of {@link #next}: the classes and the skip column. */
    private final int stride;

    /** Offset of the start state. */
    private final int start;

    /**
     * Offset of the first state that ends a read (accepting, or dead for an anchored DFA): states are numbered
     * so that one comparison per char tells whether the read is over.
     */
    private final int special;

    /** Per state index: whether a match was seen. */
    private final boolean[] accepting;

    /** Caches of a lazy DFA's states, one per concurrent reader; null when eager. */
    private final ConcurrentLinkedQueue<Cache> caches;

    /** An eager DFA. */
    private PatternDfa(Tables tables, int[] next, int stride, int start, int special, boolean[] accepting) {
        this.tables = tables;
        this.next = next;
        this.stride = stride;
        this.start = start;
        this.special = special;
        this.accepting = accepting;
        this.symbolClass = new int[Symbols.COUNT];
        System.arraycopy(tables.classOf, 0, symbolClass, 0, NON_ASCII + 1);
        symbolClass[Symbols.SKIP] = tables.classes;
        this.caches = null;
    }

    /** A lazy DFA. */
    private PatternDfa(Tables tables) {
        this.tables = tables;
        this.next = null;
        this.symbolClass = null;
        this.stride = 0;
        this.start = 0;
        this.special = 0;
        this.accepting = null;
        this.caches = new ConcurrentLinkedQueue<>();
    }

    /** The DFA of {@code regex}, or null when it uses a construct not read here or would be too large. */
    static PatternDfa of(String regex) {
        return of(regex, false);
    }

    /**
     * The DFA of {@code regex}, unanchored (is there a match anywhere in a region?) or anchored (does a match
     * start at the region's first char?), or null when it uses a construct not read here.
     */
    static PatternDfa of(String regex, boolean anchored) {
        Tables exact = null;
        for (int cap : COUNT_CAPS) {
            Tables tables;
            try {
                Parser parser = new Parser(regex, cap);
                Node tree = parser.alternation();
                if (parser.pos != regex.length()) {
                    return null;
                }
                Nfa nfa = new Nfa();
                int start = nfa.compile(tree, nfa.match());
                tables = nfa.tables(start, anchored);
            } catch (TooLarge e) {
                continue; // retried with smaller counts: a larger language, fewer states
            } catch (RuntimeException e) {
                return null; // not read here: no prefilter, never a wrong one
            }
            if (exact == null) {
                exact = tables;
            }
            try {
                return tables.eager();
            } catch (TooLarge e) {
                // retried with smaller counts
            }
        }
        return exact == null ? null : new PatternDfa(exact);
    }

    /**
     * The repetition caps tried in turn for an eager DFA: a count above the cap is read as "at least the cap". A
     * run such as {@code [A-Z2-7]{16}} after a prefix that can recur inside it needs a state per set of run
     * lengths, so such patterns get a DFA for a smaller count, which rules out fewer windows but is still
     * right. A pattern that fits none (many keywords, each followed by runs that overlap) gets a lazy DFA of
     * the first cap, whose states are made as the text reaches them.
     */
    private static final int[] COUNT_CAPS = {MAX_COUNT, 16, 8};

    /** The automaton would pass a size limit. */
    private static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    /** Number of DFA states of an eager DFA, -1 for a lazy one (for tests). */
    int states() {
        return next == null ? -1 : accepting.length;
    }

    /** Whether the states are made as the text reaches them. */
    boolean lazy() {
        return next == null;
    }

    /** Chars the DFA reads for one budget unit: far cheaper per char than RE2J. */
    static final int CHARS_PER_UNIT = 16;

    /** Most distinct states one read of a lazy DFA may visit before it gives up (says "maybe"). */
    static final int MAX_STATES_PER_READ = 1024;

    /**
     * A lazy DFA's cache is emptied before a read when it holds more states than this: large enough that reads over
     * digit noise (fr-nir's DFA is lazy) do not make the same states again after every few emptyings.
     */
    static final int MAX_CACHED_STATES = 1 << 14;

    /**
     * Whether a match of the pattern may lie inside {@code text[from, to)}: false means RE2J would find none
     * there, whatever the region's context.
     */
    boolean mayMatch(CharSequence text, int from, int to) {
        return ruleOut(Symbols.of(text), from, to, 1, Long.MAX_VALUE) < 0;
    }

    /**
     * Reads the text of {@code symbols} ({@link Symbols#of}) over {@code [from, to)}: -1 when a match of the
     * pattern may lie there (RE2J must look), else what the read is charged: one unit per {@link
     * #CHARS_PER_UNIT} chars, and for a lazy DFA {@code weight} per distinct state visited (each may have had
     * to be made, which costs about what RE2J spends on a char). A lazy read that would be charged more than
     * {@code limit}, or visit more than {@link #MAX_STATES_PER_READ} states, stops and says "maybe". The answer
     * and the charge depend only on the text and the pattern, never on what the cache held before.
     */
    long ruleOut(byte[] symbols, int from, int to, long weight, long limit) {
        if (next == null) {
            return lazyRuleOut(symbols, from, to, weight, limit);
        }
        int[] next = this.next;
        int[] symbolClass = this.symbolClass;
        int special = this.special;
        int state = start;
        if (state >= special && accepting[state / stride]) {
            return -1;
        }
        if (from < to) {
            // The first char of a region is read even when it is the second half of a pair (RE2J starts there).
            int symbol = symbols[from] & 0xFF;
            state = next[state + symbolClass[symbol == Symbols.SKIP ? NON_ASCII : symbol]];
            if (state >= special) {
                return ended(state, from + 1 - from);
            }
        }
        for (int i = from + 1; i < to; i++) {
            state = next[state + symbolClass[symbols[i] & 0xFF]];
            if (state >= special) {
                return ended(state, i + 1 - from);
            }
        }
        return charge(to - from);
    }

    /**
     * Where an unanchored read of {@code [from, to)} first reaches an accepting state: every match that starts at
     * or after {@code from} and ends by {@code to} ends there or later; -1 when there is none (the read is ruled
     * out, as {@link #ruleOut} would say). A lazy or anchored DFA answers {@code from}, which tells nothing.
     */
    int firstMatchEnd(byte[] symbols, int from, int to) {
        if (next == null || tables.anchored) {
            return from;
        }
        int[] next = this.next;
        int[] symbolClass = this.symbolClass;
        int special = this.special;
        int state = start;
        if (state >= special) {
            return accepting[state / stride] ? from : -1;
        }
        for (int i = from; i < to; i++) {
            int symbol = symbols[i] & 0xFF;
            // As in ruleOut: the first char is read even when it is the second half of a pair.
            state = next[state + symbolClass[i == from && symbol == Symbols.SKIP ? NON_ASCII : symbol]];
            if (state >= special) {
                return accepting[state / stride] ? i + 1 : -1;
            }
        }
        return -1;
    }

    /**
     * {@link #ruleOut} of each window {@code [froms[k], tos[k])}, {@code k < count}, into {@code out[k]}, with the
     * limit {@code limits[k]}: the same answers and charges. An eager DFA reads two windows in one loop, taking the
     * next window into a lane as soon as its read ends: one read is a chain of dependent table lookups, so two
     * independent chains take little more time than one.
     */
    void ruleOutEach(byte[] symbols, int[] froms, int[] tos, int count, long weight, long[] limits, long[] out) {
        if (next == null || start >= special) {
            for (int k = 0; k < count; k++) {
                out[k] = ruleOut(symbols, froms[k], tos[k], weight, limits[k]);
            }
            return;
        }
        int[] next = this.next;
        int[] symbolClass = this.symbolClass;
        int special = this.special;
        // Two lanes, each reading one window: its index (-1 when idle), next char and state.
        int ka = -1;
        int kb = -1;
        int ia = 0;
        int ib = 0;
        int a = start;
        int b = start;
        int taken = 0;
        while (true) {
            while (ka < 0 && taken < count) {
                int k = taken++;
                if (froms[k] >= tos[k]) {
                    out[k] = ruleOut(symbols, froms[k], tos[k], weight, limits[k]);
                    continue;
                }
                a = firstStep(symbols, froms[k]);
                if (a >= special) {
                    out[k] = ended(a, 1);
                    continue;
                }
                ka = k;
                ia = froms[k] + 1;
            }
            while (kb < 0 && taken < count) {
                int k = taken++;
                if (froms[k] >= tos[k]) {
                    out[k] = ruleOut(symbols, froms[k], tos[k], weight, limits[k]);
                    continue;
                }
                b = firstStep(symbols, froms[k]);
                if (b >= special) {
                    out[k] = ended(b, 1);
                    continue;
                }
                kb = k;
                ib = froms[k] + 1;
            }
            if (ka < 0 || kb < 0) {
                break; // no window left to pair with
            }
            int steps = Math.min(tos[ka] - ia, tos[kb] - ib);
            int endA = ia + steps;
            while (ia < endA) {
                a = next[a + symbolClass[symbols[ia] & 0xFF]];
                b = next[b + symbolClass[symbols[ib] & 0xFF]];
                ia++;
                ib++;
                if (a >= special || b >= special) {
                    break;
                }
            }
            // A lane whose state ends the read, or whose window is read to its end, gives its answer and is idle.
            if (a >= special || ia == tos[ka]) {
                out[ka] = a >= special ? ended(a, ia - froms[ka]) : charge(tos[ka] - froms[ka]);
                ka = -1;
            }
            if (b >= special || ib == tos[kb]) {
                out[kb] = b >= special ? ended(b, ib - froms[kb]) : charge(tos[kb] - froms[kb]);
                kb = -1;
            }
        }
        if (ka >= 0) {
            out[ka] = readOn(symbols, a, froms[ka], ia, tos[ka]);
        }
        if (kb >= 0) {
            out[kb] = readOn(symbols, b, froms[kb], ib, tos[kb]);
        }
    }

    /** The state after the first char of a read from {@code from}, as {@link #ruleOut} reads it. */
    private int firstStep(byte[] symbols, int from) {
        // The first char of a region is read even when it is the second half of a pair (RE2J starts there).
        int first = symbols[from] & 0xFF;
        return next[start + symbolClass[first == Symbols.SKIP ? NON_ASCII : first]];
    }

    /** The rest of an eager read from {@code from} that is in {@code state} at {@code at}, as {@link #ruleOut}. */
    private long readOn(byte[] symbols, int state, int from, int at, int to) {
        int[] next = this.next;
        int[] symbolClass = this.symbolClass;
        int special = this.special;
        for (int i = at; i < to; i++) {
            state = next[state + symbolClass[symbols[i] & 0xFF]];
            if (state >= special) {
                return ended(state, i + 1 - from);
            }
        }
        return charge(to - from);
    }

    /** The answer of a read that reached a state that ends it after {@code chars} chars. */
    private long ended(int state, int chars) {
        // Accepting: a match may lie there. Dead (anchored): nothing after this can make a match.
        return accepting[state / stride] ? -1 : charge(chars);
    }

    /** What reading {@code chars} chars is charged. */
    private static long charge(int chars) {
        return (chars + CHARS_PER_UNIT - 1) / CHARS_PER_UNIT;
    }

    private long lazyRuleOut(byte[] symbols, int from, int to, long weight, long limit) {
        long base = charge(to - from);
        Cache cache = caches.poll();
        if (cache == null) {
            cache = new Cache(tables);
        }
        try {
            if (cache.size > MAX_CACHED_STATES) {
                cache.reset();
            }
            int read = cache.beginRead();
            int[] classOf = tables.classOf;
            int classes = tables.classes;
            long charge = base + weight;
            int distinct = 1;
            int state = 0;
            cache.stamp[0] = read;
            if (cache.ends[0] == Cache.ACCEPTING || charge > limit) {
                return -1;
            }
            if (cache.ends[0] == Cache.DEAD) {
                // A dead start leads to itself, and the loop skips a state it stays in: end the read as the first
                // char would (there is no such pattern among the packs; kept so that the answer never differs).
                return from < to ? charge - base + charge(1) : charge;
            }
            // The cache's arrays in locals, taken again only when a new state may have grown them: the loop then
            // reads no field per char.
            int[] next = cache.next;
            int[] stamp = cache.stamp;
            byte[] ends = cache.ends;
            for (int i = from; i < to; i++) {
                int symbol = symbols[i] & 0xFF;
                if (symbol == Symbols.SKIP) {
                    if (i > from) {
                        continue; // the second half of one code point
                    }
                    symbol = NON_ASCII;
                }
                int cls = classOf[symbol];
                int target = next[state * classes + cls];
                if (target < 0) {
                    target = cache.step(state, cls);
                    next = cache.next;
                    stamp = cache.stamp;
                    ends = cache.ends;
                }
                if (target == state) {
                    continue; // a state already visited (stamped), and not one that ends the read
                }
                state = target;
                if (stamp[state] != read) {
                    stamp[state] = read;
                    charge += weight;
                    if (++distinct > MAX_STATES_PER_READ || charge > limit) {
                        return -1;
                    }
                }
                byte end = ends[state];
                if (end == Cache.ACCEPTING) {
                    return -1;
                }
                if (end == Cache.DEAD) {
                    return charge - base + charge(i + 1 - from);
                }
            }
            return charge;
        } finally {
            caches.offer(cache);
        }
    }

    /** The states a lazy DFA has made so far, for one reader at a time. */
    private static final class Cache {
        private final Tables tables;
        private final Map<Key, Integer> ids = new HashMap<>();
        /** Per state: {@link #ACCEPTING}, {@link #DEAD} or 0. */
        static final byte ACCEPTING = 1;

        static final byte DEAD = 2;

        long[][] sets;
        int[] next;
        byte[] ends;
        int[] stamp;
        int size;
        private int reads;

        Cache(Tables tables) {
            this.tables = tables;
            reset();
        }

        void reset() {
            ids.clear();
            sets = new long[64][];
            next = new int[64 * tables.classes];
            ends = new byte[64];
            stamp = new int[64];
            size = 0;
            reads = 0;
            add(tables.startBits);
        }

        int beginRead() {
            if (++reads == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                reads = 1;
            }
            return reads;
        }

        private int add(long[] bits) {
            if (size == sets.length) {
                int grown = size * 2;
                sets = Arrays.copyOf(sets, grown);
                next = Arrays.copyOf(next, grown * tables.classes);
                ends = Arrays.copyOf(ends, grown);
                stamp = Arrays.copyOf(stamp, grown);
            }
            int id = size++;
            sets[id] = bits;
            Arrays.fill(next, id * tables.classes, (id + 1) * tables.classes, -1);
            ends[id] = tables.accepts(bits) ? ACCEPTING : tables.isDead(bits) ? DEAD : 0;
            stamp[id] = 0;
            ids.put(new Key(bits), id);
            return id;
        }

        int step(int state, int cls) {
            long[] target = tables.step(sets[state], cls);
            Integer id = ids.get(new Key(target));
            int to = id == null ? add(target) : id;
            next[state * tables.classes + cls] = to;
            return to;
        }
    }

    /** A set of NFA states as a DFA state's key. */
    private record Key(long[] bits) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bits, k.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }
    }

    /**
     * The NFA, ready for the subset construction: symbol classes, and per reading state (numbered compactly,
     * a DFA state is a bit set of them) the chars it reads and the states it leads to.
     */
    private static final class Tables {
        final int[] classOf;
        final int classes;
        final int words;
        /** Per reading state: the reading states (and the final state) after it reads its char. */
        final long[][] after;
        /** Per class: the reading states that read it. */
        final long[][] fitting;
        /** The states a match may start in: the search is unanchored, so they join every step. */
        final long[] startBits;

        final int matchBit;

        /** Whether a match must start at the first char read (else at any char: the start states join each step). */
        final boolean anchored;

        Tables(
                int[] classOf,
                int classes,
                long[][] after,
                long[][] fitting,
                long[] startBits,
                int matchBit,
                boolean anchored) {
            this.anchored = anchored;
            this.classOf = classOf;
            this.classes = classes;
            this.words = startBits.length;
            this.after = after;
            this.fitting = fitting;
            this.startBits = startBits;
            this.matchBit = matchBit;
        }

        boolean accepts(long[] bits) {
            return (bits[matchBit >>> 6] & (1L << matchBit)) != 0;
        }

        /** Whether a read that reaches this state is over: a match was seen, or none can follow. */
        boolean ends(long[] bits) {
            return accepts(bits) || isDead(bits);
        }

        boolean isDead(long[] bits) {
            for (long w : bits) {
                if (w != 0) {
                    return false;
                }
            }
            return true;
        }

        long[] step(long[] current, int cls) {
            long[] target = anchored ? new long[words] : startBits.clone();
            long[] fit = fitting[cls];
            for (int w = 0; w < words; w++) {
                long live = current[w] & fit[w];
                while (live != 0) {
                    int r = (w << 6) + Long.numberOfTrailingZeros(live);
                    live &= live - 1;
                    long[] a = after[r];
                    for (int x = 0; x < words; x++) {
                        target[x] |= a[x];
                    }
                }
            }
            return target;
        }

        /** Every state made up front, or {@link TooLarge} past {@link #MAX_STATES}. */
        PatternDfa eager() {
            List<long[]> states = new ArrayList<>();
            Map<Key, Integer> ids = new HashMap<>();
            states.add(startBits);
            ids.put(new Key(startBits), 0);
            List<int[]> rows = new ArrayList<>();
            for (int s = 0; s < states.size(); s++) {
                long[] current = states.get(s);
                int[] row = new int[classes];
                boolean accept = accepts(current);
                for (int cls = 0; cls < classes; cls++) {
                    if (accept) {
                        row[cls] = s; // a match was seen: the answer no longer changes
                        continue;
                    }
                    long[] target = step(current, cls);
                    Key key = new Key(target);
                    Integer id = ids.get(key);
                    if (id == null) {
                        if (states.size() >= MAX_STATES) {
                            throw new TooLarge("too many DFA states");
                        }
                        id = states.size();
                        states.add(target);
                        ids.put(key, id);
                    }
                    row[cls] = id;
                }
                rows.add(row);
            }
            // States that end a read (accepting, or dead) are numbered last, so that one comparison finds them.
            int count = states.size();
            int[] index = new int[count];
            int ordinary = 0;
            for (int s = 0; s < count; s++) {
                if (!ends(states.get(s))) {
                    index[s] = ordinary++;
                }
            }
            int ending = ordinary;
            for (int s = 0; s < count; s++) {
                if (ends(states.get(s))) {
                    index[s] = ending++;
                }
            }
            int stride = classes + 1; // the last column is the skip column: it leaves the state as it is
            int[] next = new int[count * stride];
            boolean[] accepting = new boolean[count];
            for (int s = 0; s < count; s++) {
                int[] row = rows.get(s);
                int at = index[s] * stride;
                for (int cls = 0; cls < classes; cls++) {
                    next[at + cls] = index[row[cls]] * stride;
                }
                next[at + classes] = at;
                accepting[index[s]] = accepts(states.get(s));
            }
            return new PatternDfa(this, next, stride, index[0] * stride, ordinary * stride, accepting);
        }
    }

    // ---- syntax tree ----

    sealed interface Node permits Chars, Seq, Alt, Repeat, Boundary {}

    private record Chars(CharSet set) implements Node {}

    private record Seq(List<Node> items) implements Node {}

    private record Alt(List<Node> options) implements Node {}

    private record Repeat(Node item, int min, int max) implements Node {}

    /** {@code \b} ({@code word} true) or {@code \B}, kept only when the parser is asked to ({@link BoundaryDfa}). */
    private record Boundary(boolean word) implements Node {}

    private static final Node EMPTY = new Seq(List.of());

    private static final int UNBOUNDED = -1;

    /** RE2 syntax as the packs use it; anything else throws (and the pattern gets no DFA). */
    static final class Parser {
        private final String regex;
        private final int cap;
        private final boolean boundaries;
        int pos;
        private boolean foldCase;

        Parser(String regex, int cap) {
            this(regex, cap, false);
        }

        /**
         * @param boundaries whether {@code \b} and {@code \B} are kept as {@link Boundary} nodes (else read as
         *     matching everywhere)
         */
        Parser(String regex, int cap, boolean boundaries) {
            this.regex = regex;
            this.cap = cap;
            this.boundaries = boundaries;
        }

        Node alternation() {
            boolean outerFold = foldCase;
            List<Node> options = new ArrayList<>();
            options.add(sequence());
            while (pos < regex.length() && regex.charAt(pos) == '|') {
                pos++;
                options.add(sequence());
            }
            foldCase = outerFold;
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
            Node out = atom;
            while (pos < regex.length()) {
                char c = regex.charAt(pos);
                int min;
                int max;
                if (c == '?' || c == '*' || c == '+') {
                    pos++;
                    min = c == '+' ? 1 : 0;
                    max = c == '?' ? 1 : UNBOUNDED;
                } else if (c == '{' && regex.indexOf('}', pos) > pos) {
                    int close = regex.indexOf('}', pos);
                    String[] counts = regex.substring(pos + 1, close).split(",", -1);
                    min = Integer.parseInt(counts[0]);
                    max = counts.length == 1 ? min : counts[1].isEmpty() ? UNBOUNDED : Integer.parseInt(counts[1]);
                    pos = close + 1;
                } else {
                    return out;
                }
                if (pos < regex.length() && regex.charAt(pos) == '?') {
                    pos++; // lazy: the same strings, another order of preference
                }
                if (min > cap) {
                    min = cap;
                    max = UNBOUNDED;
                }
                if (max > cap) {
                    max = UNBOUNDED;
                }
                out = new Repeat(out, min, max);
            }
            return out;
        }

        private Node atom() {
            char c = regex.charAt(pos);
            if (c == '(') {
                return group();
            }
            if (c == '[') {
                return new Chars(charClass());
            }
            if (c == '\\') {
                return escape();
            }
            pos++;
            if (c == '.') {
                return new Chars(CharSet.ANY);
            }
            if (c == '^' || c == '$') {
                return EMPTY; // zero-width: read as matching everywhere
            }
            if (c == '*' || c == '+' || c == '?' || c == '{' || c == ')') {
                throw new IllegalArgumentException("unexpected " + c);
            }
            return single(CharSet.of(c));
        }

        private Node single(CharSet set) {
            return new Chars(foldCase ? set.foldCase() : set);
        }

        private Node group() {
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
                        return EMPTY;
                    }
                    if (regex.charAt(flagsEnd) != ':') {
                        throw new IllegalArgumentException("unsupported group");
                    }
                    boolean outer = foldCase;
                    foldCase = fold;
                    Node inner = closeGroup();
                    foldCase = outer;
                    return inner;
                }
            }
            return closeGroup();
        }

        private Node closeGroup() {
            Node inner = alternation();
            if (pos >= regex.length() || regex.charAt(pos) != ')') {
                throw new IllegalArgumentException("unbalanced group");
            }
            pos++;
            return inner;
        }

        private Node escape() {
            char e = regex.charAt(pos + 1);
            pos += 2;
            return switch (e) {
                case 'b', 'B' -> boundaries ? new Boundary(e == 'b') : EMPTY;
                case 'A', 'z' -> EMPTY; // zero-width: read as matching everywhere
                default -> single(escapedSet(e));
            };
        }

        /** The chars one escape stands for, in or out of a class; RE2J's perl classes are ASCII-only. */
        private static CharSet escapedSet(char e) {
            return switch (e) {
                case 'd' -> CharSet.NONE.with('0', '9');
                case 'D' -> CharSet.NONE.with('0', '9').complement();
                case 'w' -> word();
                case 'W' -> word().complement();
                case 's' -> whitespace();
                case 'S' -> whitespace().complement();
                default -> CharSet.of((char) singleChar(e));
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
                    if (!isSingle(e)) {
                        set = set.union(escapedSet(e));
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
                if (from >= 128 || to >= 128 || to < from) {
                    throw new IllegalArgumentException("non-ASCII or empty range");
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
            int c =
                    switch (e) {
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
            if (c >= 128) {
                throw new IllegalArgumentException("non-ASCII literal");
            }
            return c;
        }
    }

    // ---- Thompson NFA, then subset construction ----

    static final class Nfa {
        /** Per state: the chars it reads (null for a state that only branches, or the final state). */
        final List<CharSet> sets = new ArrayList<>();
        /** Per state: where it goes after reading, or its empty branches. */
        final List<int[]> outs = new ArrayList<>();
        /**
         * Per state that only branches: 0, or {@link #WORD_BOUNDARY} / {@link #NOT_WORD_BOUNDARY} when its branch
         * is taken only where {@code \b} / {@code \B} holds (only a {@link Boundary} node makes one).
         */
        final List<Byte> asserts = new ArrayList<>();

        static final byte WORD_BOUNDARY = 1;

        static final byte NOT_WORD_BOUNDARY = 2;

        int matchState = -1;

        int match() {
            matchState = add(null, new int[0]);
            return matchState;
        }

        private int add(CharSet set, int[] out) {
            if (sets.size() >= MAX_NFA_STATES) {
                throw new TooLarge("too many NFA states");
            }
            sets.add(set);
            outs.add(out);
            asserts.add((byte) 0);
            return sets.size() - 1;
        }

        /** Compiles {@code node} so that it continues to {@code next}; returns its start state. */
        int compile(Node node, int next) {
            if (node instanceof Chars chars) {
                return add(chars.set(), new int[] {next});
            }
            if (node instanceof Seq seq) {
                int at = next;
                for (int i = seq.items().size() - 1; i >= 0; i--) {
                    at = compile(seq.items().get(i), at);
                }
                return at;
            }
            if (node instanceof Boundary boundary) {
                int state = add(null, new int[] {next});
                asserts.set(state, boundary.word() ? WORD_BOUNDARY : NOT_WORD_BOUNDARY);
                return state;
            }
            if (node instanceof Alt alt) {
                int[] starts = new int[alt.options().size()];
                for (int i = 0; i < starts.length; i++) {
                    starts[i] = compile(alt.options().get(i), next);
                }
                return add(null, starts);
            }
            Repeat repeat = (Repeat) node;
            int at;
            if (repeat.max() == UNBOUNDED) {
                int loop = add(null, null);
                outs.set(loop, new int[] {compile(repeat.item(), loop), next});
                at = loop;
            } else {
                at = next;
                for (int i = 0; i < repeat.max() - repeat.min(); i++) {
                    at = add(null, new int[] {compile(repeat.item(), at), next});
                }
            }
            for (int i = 0; i < repeat.min(); i++) {
                at = compile(repeat.item(), at);
            }
            return at;
        }

        /** Marks {@code state} and every state reachable from it by empty branches, keeping reading states. */
        private void close(int state, boolean[] seen, int[] stack, long[] into, int[] compact) {
            int top = 0;
            stack[top++] = state;
            while (top > 0) {
                int s = stack[--top];
                if (seen[s]) {
                    continue;
                }
                seen[s] = true;
                if (compact[s] >= 0) {
                    into[compact[s] >>> 6] |= 1L << compact[s];
                } else {
                    for (int o : outs.get(s)) {
                        if (!seen[o]) {
                            stack[top++] = o;
                        }
                    }
                }
            }
        }

        /**
         * Symbol classes: symbols that every set treats alike share a class. Fills {@code classOf} (one entry per
         * symbol, {@code NON_ASCII} included) and returns each class's first symbol.
         */
        static List<Integer> symbolClasses(List<CharSet> distinct, int[] classOf) {
            Map<String, Integer> signatures = new HashMap<>();
            List<Integer> representatives = new ArrayList<>();
            for (int symbol = 0; symbol <= NON_ASCII; symbol++) {
                StringBuilder signature = new StringBuilder();
                for (CharSet set : distinct) {
                    signature.append(fits(set, symbol) ? '1' : '0');
                }
                Integer cls = signatures.get(signature.toString());
                if (cls == null) {
                    cls = representatives.size();
                    signatures.put(signature.toString(), cls);
                    representatives.add(symbol);
                }
                classOf[symbol] = cls;
            }
            return representatives;
        }

        Tables tables(int start, boolean anchored) {
            int n = sets.size();
            int[] classOf = new int[NON_ASCII + 1];
            List<Integer> representatives = symbolClasses(
                    sets.stream().filter(s -> s != null).distinct().toList(), classOf);
            int classes = representatives.size();
            // Reading states and the final state, numbered compactly; a DFA state is a bit set of them.
            int[] compact = new int[n];
            int m = 0;
            for (int q = 0; q < n; q++) {
                compact[q] = sets.get(q) != null || q == matchState ? m++ : -1;
            }
            int[] reader = new int[m];
            for (int q = 0; q < n; q++) {
                if (compact[q] >= 0) {
                    reader[compact[q]] = q;
                }
            }
            int words = (m + 63) >>> 6;
            boolean[] seen = new boolean[n];
            int[] stack = new int[n * 4 + 16];
            long[][] after = new long[m][];
            for (int r = 0; r < m; r++) {
                after[r] = new long[words];
                if (sets.get(reader[r]) != null) {
                    Arrays.fill(seen, false);
                    close(outs.get(reader[r])[0], seen, stack, after[r], compact);
                }
            }
            long[][] fitting = new long[classes][words];
            for (int cls = 0; cls < classes; cls++) {
                for (int r = 0; r < m; r++) {
                    CharSet set = sets.get(reader[r]);
                    if (set != null && fits(set, representatives.get(cls))) {
                        fitting[cls][r >>> 6] |= 1L << r;
                    }
                }
            }
            // The search is unanchored: a match may start at any char, so the start closure joins every step.
            long[] startBits = new long[words];
            Arrays.fill(seen, false);
            close(start, seen, stack, startBits, compact);
            return new Tables(classOf, classes, after, fitting, startBits, compact[matchState], anchored);
        }

        static boolean fits(CharSet set, int symbol) {
            return symbol == NON_ASCII ? set.nonAscii() : set.contains((char) symbol);
        }
    }
}
