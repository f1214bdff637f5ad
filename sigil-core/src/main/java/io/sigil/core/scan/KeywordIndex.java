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

    /** The DFA, flattened: the state after {@code state} reads {@code c} is {@code next[state * 128 + c]}. */
    private final int[] next;
    /** For each state, the detectors of every keyword ending there (suffixes included), and its lengths. */
    private final int[][] outDetectors;

    private final int[][] outLengths;

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
        this.next = new int[states * ALPHABET];
        for (int s = 0; s < states; s++) {
            System.arraycopy(gotos.get(s), 0, next, s * ALPHABET, ALPHABET);
        }
        this.outDetectors = new int[states][];
        this.outLengths = new int[states][];
        for (int s = 0; s < states; s++) {
            Map<Integer, Integer> out = outputs.get(s);
            outDetectors[s] =
                    out.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            outLengths[s] = Arrays.stream(outDetectors[s]).map(out::get).toArray();
        }
    }

    /** Feeds every hit to the sink; per position at most one hit per detector (its longest keyword). */
    void search(CharSequence text, HitSink sink) {
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char ch = text.charAt(i);
            // Keywords are ASCII, so any other char simply restarts the automaton.
            state = ch < ALPHABET ? next[state * ALPHABET + lower(ch)] : 0;
            int[] detectors = outDetectors[state];
            if (detectors.length > 0) {
                int[] lengths = outLengths[state];
                for (int k = 0; k < detectors.length; k++) {
                    sink.hit(detectors[k], i + 1 - lengths[k], i + 1);
                }
            }
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
