package io.sigil.core.scan;

import io.sigil.core.scan.StartClasses.CharSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A stricter "can there be a match?" than {@link PatternDfa}, asked only where RE2J would otherwise run: it reads
 * {@code \b} and {@code \B} exactly (RE2J's ASCII word chars; a DFA state remembers whether the char before was one)
 * and repetition counts up to {@link #MAX_COUNT} exactly, so that a region where the pattern's words cannot be
 * whole words (a number glued to the next word, a run too short) is refused without RE2J. Everything else is read
 * as {@link PatternDfa} reads it ({@code ^}, {@code $}, {@code \A}, {@code \z} match everywhere, any non-ASCII char
 * fits wherever a non-ASCII char might), so its language still contains the pattern's and "no" is always right.
 *
 * <p>Its states are made as the text reaches them (a lazy DFA); a read that would make more than {@link
 * #MAX_NEW_STATES_PER_READ} new states gives up and says "maybe". It is never charged to the scan budget: the
 * engine asks it after charging the RE2J try or sweep it may spare, so the work and every later decision stay the
 * same. Immutable and thread-safe (each reader takes a cache of states from a queue).
 */
final class BoundaryDfa {

    /** Repetition counts above this are read as unbounded (a larger language). */
    static final int MAX_COUNT = 128;

    /** A read that would make more new states than this says "maybe" (RE2J then looks, as it would have). */
    static final int MAX_NEW_STATES_PER_READ = 256;

    /** A cache holding more states than this is emptied before a read. */
    static final int MAX_CACHED_STATES = 1 << 13;

    private static final int NON_ASCII = Symbols.NON_ASCII;

    /** Per NFA state: the chars it reads, or null (a branch, an assertion, or the final state). */
    private final CharSet[] sets;

    private final int[][] outs;
    private final byte[] asserts;
    private final int startState;
    private final int matchState;
    private final int words;

    /** Per symbol below {@link Symbols#SKIP}: its class; symbols of one class are all word chars or all not. */
    private final int[] classOf;

    private final int classes;
    /** Per class: whether its chars are word chars. */
    private final boolean[] wordClass;
    /** Per class: the NFA states that read it, as a bit set. */
    private final long[][] fitting;

    private final boolean anchored;
    private final ConcurrentLinkedQueue<Cache> caches = new ConcurrentLinkedQueue<>();

    private BoundaryDfa(PatternDfa.Nfa nfa, int start, boolean anchored) {
        int n = nfa.sets.size();
        this.sets = nfa.sets.toArray(new CharSet[0]);
        this.outs = nfa.outs.toArray(new int[0][]);
        this.asserts = new byte[n];
        for (int q = 0; q < n; q++) {
            asserts[q] = nfa.asserts.get(q);
        }
        this.startState = start;
        this.matchState = nfa.matchState;
        this.words = (n + 63) >>> 6;
        this.anchored = anchored;
        List<CharSet> distinct = new ArrayList<>(
                nfa.sets.stream().filter(s -> s != null).distinct().toList());
        distinct.add(WORD);
        this.classOf = new int[NON_ASCII + 1];
        List<Integer> representatives = PatternDfa.Nfa.symbolClasses(distinct, classOf);
        this.classes = representatives.size();
        this.wordClass = new boolean[classes];
        this.fitting = new long[classes][words];
        for (int cls = 0; cls < classes; cls++) {
            int symbol = representatives.get(cls);
            wordClass[cls] = symbol < NON_ASCII && StartClasses.isWordChar((char) symbol);
            for (int q = 0; q < n; q++) {
                if (sets[q] != null && PatternDfa.Nfa.fits(sets[q], symbol)) {
                    fitting[cls][q >>> 6] |= 1L << q;
                }
            }
        }
    }

    private static final CharSet WORD =
            CharSet.NONE.with('0', '9').with('A', 'Z').with('a', 'z').with('_', '_');

    /**
     * The DFA of {@code regex}, anchored (does a match start at the first char read?) or not (does one lie
     * anywhere in the region?); null when the pattern uses a construct not read here, or is too large.
     */
    static BoundaryDfa of(String regex, boolean anchored) {
        try {
            PatternDfa.Parser parser = new PatternDfa.Parser(regex, MAX_COUNT, true);
            PatternDfa.Node tree = parser.alternation();
            if (parser.pos != regex.length()) {
                return null;
            }
            PatternDfa.Nfa nfa = new PatternDfa.Nfa();
            int start = nfa.compile(tree, nfa.match());
            return new BoundaryDfa(nfa, start, anchored);
        } catch (RuntimeException e) {
            return null; // not read here (or too many NFA states): no check, never a wrong one
        }
    }

    /**
     * Whether the pattern has something this DFA reads more strictly than {@link PatternDfa}: a {@code \b} or
     * {@code \B}, or a repetition count above 8 (the smallest count {@link PatternDfa} may fall back to).
     */
    static boolean stricter(String regex) {
        for (int i = 0; i + 1 < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                char e = regex.charAt(i + 1);
                if (e == 'b' || e == 'B') {
                    return true;
                }
                i++; // an escaped char, never the start of anything
            } else if (c == '{') {
                int close = regex.indexOf('}', i);
                for (String count : close < 0
                        ? new String[0]
                        : regex.substring(i + 1, close).split(",", -1)) {
                    if (!count.isEmpty() && count.chars().allMatch(Character::isDigit) && Integer.parseInt(count) > 8) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether a match may start at {@code at} and end by {@code to}, read as RE2J reads the region {@code [at, to)}
     * after one char of context: {@code wordBefore} tells whether that char is a word char (false at the start of
     * the text), and {@code to} is the end of the input. {@code at} must not be the second half of a surrogate pair.
     */
    boolean mayMatchAt(byte[] symbols, int at, int to, boolean wordBefore) {
        return read(symbols, at, to, wordBefore);
    }

    /**
     * Whether a match may lie anywhere in {@code [from, to)}, read as RE2J reads that region as its whole input
     * (the start and the end are not word chars).
     */
    boolean mayMatchIn(byte[] symbols, int from, int to) {
        return read(symbols, from, to, false);
    }

    private boolean read(byte[] symbols, int from, int to, boolean wordBefore) {
        Cache cache = caches.poll();
        if (cache == null) {
            cache = new Cache();
        }
        try {
            if (cache.size > MAX_CACHED_STATES) {
                cache.reset();
            }
            int made = cache.size;
            int state = wordBefore ? 1 : 0;
            int[] next = cache.next;
            for (int i = from; i < to; i++) {
                int symbol = symbols[i] & 0xFF;
                if (symbol == Symbols.SKIP) {
                    if (i > from) {
                        continue; // the second half of one code point: RE2J reads the pair as one
                    }
                    symbol = NON_ASCII;
                }
                int cls = classOf[symbol];
                int target = next[state * classes + cls];
                if (target == UNKNOWN) {
                    if (cache.size - made >= MAX_NEW_STATES_PER_READ) {
                        return true;
                    }
                    target = cache.step(state, cls);
                    next = cache.next;
                }
                if (target == ACCEPT) {
                    return true;
                }
                if (target == DEAD) {
                    return false;
                }
                state = target;
            }
            return cache.acceptsAtEnd(state);
        } finally {
            caches.offer(cache);
        }
    }

    private static final int UNKNOWN = -1;
    private static final int ACCEPT = -2;
    private static final int DEAD = -3;

    /**
     * The NFA states reached from {@code bits} (states entered, before their branches are followed) by empty
     * branches and the assertions that hold between a char that is ({@code wordBefore}) or is not a word char and
     * one that is ({@code wordAfter}) or is not; the reading states and the final state among them.
     */
    private long[] close(long[] bits, boolean wordBefore, boolean wordAfter) {
        long[] into = new long[words];
        boolean[] seen = new boolean[sets.length];
        int[] stack = new int[sets.length * 2 + 16];
        int top = 0;
        for (int w = 0; w < words; w++) {
            long live = bits[w];
            while (live != 0) {
                stack[top++] = (w << 6) + Long.numberOfTrailingZeros(live);
                live &= live - 1;
            }
        }
        boolean boundary = wordBefore != wordAfter;
        while (top > 0) {
            int s = stack[--top];
            if (seen[s]) {
                continue;
            }
            seen[s] = true;
            if (sets[s] != null || s == matchState) {
                into[s >>> 6] |= 1L << s;
                continue;
            }
            byte kind = asserts[s];
            if ((kind == PatternDfa.Nfa.WORD_BOUNDARY && !boundary)
                    || (kind == PatternDfa.Nfa.NOT_WORD_BOUNDARY && boundary)) {
                continue;
            }
            for (int o : outs[s]) {
                if (!seen[o]) {
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = o;
                }
            }
        }
        return into;
    }

    private boolean has(long[] bits, int state) {
        return (bits[state >>> 6] & (1L << state)) != 0;
    }

    /**
     * The states one reader has made: a state is a set of NFA states entered (their branches not yet followed, as
     * the assertions among them depend on the next char) and whether the char before was a word char. States 0 and
     * 1 are the start after a non-word and after a word char.
     */
    private final class Cache {
        private final Map<Key, Integer> ids = new HashMap<>();
        long[][] sets;
        boolean[] wordBefore;
        int[] next;
        /** Per state: 0 not known yet, 1 no match at the end of the input, 2 a match there. */
        byte[] atEnd;

        int size;

        Cache() {
            reset();
        }

        void reset() {
            ids.clear();
            sets = new long[64][];
            wordBefore = new boolean[64];
            next = new int[64 * classes];
            atEnd = new byte[64];
            size = 0;
            long[] start = new long[words];
            start[startState >>> 6] |= 1L << startState;
            add(start, false);
            add(start, true);
        }

        private int add(long[] bits, boolean word) {
            if (size == sets.length) {
                int grown = size * 2;
                sets = Arrays.copyOf(sets, grown);
                wordBefore = Arrays.copyOf(wordBefore, grown);
                next = Arrays.copyOf(next, grown * classes);
                atEnd = Arrays.copyOf(atEnd, grown);
            }
            int id = size++;
            sets[id] = bits;
            wordBefore[id] = word;
            Arrays.fill(next, id * classes, (id + 1) * classes, UNKNOWN);
            atEnd[id] = 0;
            ids.put(new Key(bits, word), id);
            return id;
        }

        /** The state after {@code state} reads a char of class {@code cls}: {@link #ACCEPT}, {@link #DEAD} or a state. */
        int step(int state, int cls) {
            boolean word = wordClass[cls];
            long[] closed = close(sets[state], wordBefore[state], word);
            int to;
            if (has(closed, matchState)) {
                to = ACCEPT; // a match ends before this char
            } else {
                long[] target = new long[words];
                if (!anchored) {
                    target[startState >>> 6] |= 1L << startState; // a match may start at the next char
                }
                long[] fit = fitting[cls];
                boolean any = false;
                for (int w = 0; w < words; w++) {
                    long live = closed[w] & fit[w];
                    while (live != 0) {
                        int q = (w << 6) + Long.numberOfTrailingZeros(live);
                        live &= live - 1;
                        int o = outs[q][0];
                        target[o >>> 6] |= 1L << o;
                        any = true;
                    }
                }
                if (!any && anchored) {
                    to = DEAD;
                } else {
                    Integer id = ids.get(new Key(target, word));
                    to = id == null ? add(target, word) : id;
                }
            }
            next[state * classes + cls] = to;
            return to;
        }

        /** Whether a match ends at the end of the input when the read is in {@code state} there. */
        boolean acceptsAtEnd(int state) {
            if (atEnd[state] == 0) {
                atEnd[state] = has(close(sets[state], wordBefore[state], false), matchState) ? (byte) 2 : 1;
            }
            return atEnd[state] == 2;
        }
    }

    private record Key(long[] bits, boolean word) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && word == k.word && Arrays.equals(bits, k.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits) * 2 + (word ? 1 : 0);
        }
    }
}
