package io.sigil.core.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written Aho-Corasick automaton over ASCII keywords, matched case-insensitively. It is compiled
 * into a full transition table for ASCII, so matching costs one table lookup per input char: linear in
 * the input length whatever the keywords.
 */
final class KeywordIndex {

    /** Receives every keyword hit, in increasing order of its end index. */
    @FunctionalInterface
    interface HitSink {
        void hit(int detector, int start, int end);
    }

    private static final int ALPHABET = 128;

    /** Columns per state: one per {@link Symbols symbol}. */
    private static final int STRIDE = Symbols.COUNT;

    /**
     * The DFA, flattened and premultiplied: from the state at offset {@code state} (its number times {@link
     * #STRIDE}), a symbol leads to the offset {@code next[state + symbol]}.
     */
    private final int[] next;

    /** Offset of the first state where a keyword ends. */
    private final int firstOutput;
    /** Per state number, the detectors of every keyword ending there (suffixes included), and its lengths. */
    private final int[][] outDetectors;

    private final int[][] outLengths;

    /** The longest keyword: the automaton's state at any char depends on at most this many chars up to it. */
    private final int longest;

    /** Texts at least this long are read as two halves in one loop ({@link #search(byte[], int, int, HitSink)}). */
    static final int TWO_CHAINS_FROM = 4096;

    /**
     * @param keywordsByDetector for each detector index, its keywords (may be empty)
     */
    KeywordIndex(List<List<String>> keywordsByDetector) {
        List<int[]> gotos = new ArrayList<>();
        List<Map<Integer, Integer>> outputs = new ArrayList<>(); // detector -> longest keyword length
        gotos.add(newRow());
        outputs.add(new HashMap<>());
        for (int d = 0; d < keywordsByDetector.size(); d++) {
            for (String keyword : keywordsByDetector.get(d)) {
                int state = 0;
                for (int i = 0; i < keyword.length(); i++) {
                    int c = lower(keyword.charAt(i));
                    if (gotos.get(state)[c] < 0) {
                        gotos.add(newRow());
                        outputs.add(new HashMap<>());
                        gotos.get(state)[c] = gotos.size() - 1;
                    }
                    state = gotos.get(state)[c];
                }
                outputs.get(state).merge(d, keyword.length(), Math::max);
            }
        }
        int states = gotos.size();
        int[] fail = new int[states];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        // Breadth-first: a state's failure link is resolved before its children's, so the goto table can be
        // completed into a DFA and outputs inherited along failure links in one pass.
        int[] root = gotos.get(0);
        for (int c = 0; c < ALPHABET; c++) {
            if (root[c] < 0) {
                root[c] = 0;
            } else {
                fail[root[c]] = 0;
                queue[tail++] = root[c];
            }
        }
        while (head < tail) {
            int state = queue[head++];
            outputs.get(fail[state]).forEach((d, len) -> outputs.get(state).merge(d, len, Math::max));
            int[] row = gotos.get(state);
            int[] failRow = gotos.get(fail[state]);
            for (int c = 0; c < ALPHABET; c++) {
                if (row[c] < 0) {
                    row[c] = failRow[c];
                } else {
                    fail[row[c]] = failRow[c];
                    queue[tail++] = row[c];
                }
            }
        }
        // States with outputs are numbered last, so that one comparison per char tells whether there is a hit;
        // the root has none (keywords are not empty) and stays first.
        int[] index = new int[states];
        int numbered = 0;
        for (int s = 0; s < states; s++) {
            if (outputs.get(s).isEmpty()) {
                index[s] = numbered++;
            }
        }
        int firstOutput = numbered;
        for (int s = 0; s < states; s++) {
            if (!outputs.get(s).isEmpty()) {
                index[s] = numbered++;
            }
        }
        // Flattened over symbols, with upper case folded into the table and non-ASCII symbols back to the root.
        this.next = new int[states * STRIDE];
        this.outDetectors = new int[states][];
        this.outLengths = new int[states][];
        for (int s = 0; s < states; s++) {
            int[] row = gotos.get(s);
            int at = index[s] * STRIDE;
            for (int symbol = 0; symbol < ALPHABET; symbol++) {
                next[at + symbol] = index[row[lower((char) symbol)]] * STRIDE;
            }
            Map<Integer, Integer> out = outputs.get(s);
            int[] detectors =
                    out.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            outDetectors[index[s]] = detectors;
            outLengths[index[s]] = Arrays.stream(detectors).map(out::get).toArray();
        }
        this.firstOutput = firstOutput * STRIDE;
        this.longest = keywordsByDetector.stream()
                .flatMap(List::stream)
                .mapToInt(String::length)
                .max()
                .orElse(0);
    }

    /** Feeds every hit in the text to the sink; per position at most one hit per detector (its longest keyword). */
    void search(CharSequence text, HitSink sink) {
        search(Symbols.of(text), 0, text.length(), sink);
    }

    /**
     * Feeds every hit in the text of {@code symbols} ({@link Symbols#of}) to the sink, positions counted from
     * index 0; per position at most one hit per detector (its longest keyword).
     */
    void search(byte[] symbols, HitSink sink) {
        search(symbols, 0, symbols.length, sink);
    }

    private void search(byte[] symbols, int from, int to, HitSink sink) {
        if (to - from < TWO_CHAINS_FROM) {
            searchOne(symbols, from, to, sink);
            return;
        }
        // Each char's state depends on the previous one, a chain of table lookups: the two halves are read in one
        // loop as two independent chains. The second restarts at the root the longest keyword before the middle,
        // so its state is the true one from the middle on (no keyword reaches further back); its hits past the
        // middle are held back until the first half's are given, to keep the order of their ends.
        int[] next = this.next;
        int firstOutput = this.firstOutput;
        int mid = from + (to - from) / 2;
        int a = 0;
        int b = 0;
        int ia = from;
        int ib = Math.max(from, mid - longest);
        int[] heldEnds = new int[64];
        int[] heldStates = new int[64];
        int held = 0;
        while (ia < mid) {
            a = next[a + (symbols[ia] & 0xFF)];
            b = next[b + (symbols[ib] & 0xFF)];
            if (a >= firstOutput) {
                emit(a, ia, sink);
            }
            if (b >= firstOutput && ib >= mid) {
                if (held == heldEnds.length) {
                    heldEnds = Arrays.copyOf(heldEnds, 2 * held);
                    heldStates = Arrays.copyOf(heldStates, 2 * held);
                }
                heldEnds[held] = ib;
                heldStates[held] = b;
                held++;
            }
            ia++;
            ib++;
        }
        for (int k = 0; k < held; k++) {
            emit(heldStates[k], heldEnds[k], sink);
        }
        for (; ib < to; ib++) {
            b = next[b + (symbols[ib] & 0xFF)];
            if (b >= firstOutput && ib >= mid) {
                emit(b, ib, sink);
            }
        }
    }

    private void searchOne(byte[] symbols, int from, int to, HitSink sink) {
        int[] next = this.next;
        int firstOutput = this.firstOutput;
        int state = 0;
        for (int i = from; i < to; i++) {
            // Keywords are ASCII, so any other symbol simply restarts the automaton (the table says so).
            state = next[state + (symbols[i] & 0xFF)];
            if (state >= firstOutput) {
                emit(state, i, sink);
            }
        }
    }

    /** The hits of the state reached at char {@code i}. */
    private void emit(int state, int i, HitSink sink) {
        int[] detectors = outDetectors[state / STRIDE];
        int[] lengths = outLengths[state / STRIDE];
        for (int k = 0; k < detectors.length; k++) {
            sink.hit(detectors[k], i + 1 - lengths[k], i + 1);
        }
    }

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }

    private static int lower(char c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
