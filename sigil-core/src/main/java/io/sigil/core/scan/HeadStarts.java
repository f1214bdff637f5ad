package io.sigil.core.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For a detector whose every match begins with one of a few literal heads that each hold one of its keywords
 * ({@code access_token}, {@code client-secret}, {@code token}), where a match can start given where a keyword
 * hit ends: the engine then tries the pattern anchored at those places instead of reading windows around every
 * hit. A head that holds its keyword at offset {@code o} starts {@code o + keyword length} chars before that
 * keyword's end, and the keyword automaton reports every end where one of the detector's keywords ends (the
 * longest keyword there, whose end is the same), so no place a match can start at is missed.
 */
final class HeadStarts {

    /** Most heads a detector may have; each costs a comparison at every hit. */
    static final int MAX_HEADS = 64;

    /** Per head: its lower-case ASCII chars. */
    private final byte[][] heads;
    /** Per head: how far before the end of its first keyword it starts. */
    private final int[] reach;

    private HeadStarts(byte[][] heads, int[] reach) {
        this.heads = heads;
        this.reach = reach;
    }

    /**
     * The heads of {@code regex} if every match begins with one of them and each holds one of {@code keywords}
     * (case-insensitively); otherwise null, and the detector is read in windows as before.
     */
    static HeadStarts of(String regex, List<String> keywords) {
        List<String> read = PatternHeads.expandedHeads(regex);
        List<String> heads = read == null ? null : read.stream().distinct().toList();
        if (heads == null || heads.isEmpty() || heads.size() > MAX_HEADS || keywords.isEmpty()) {
            return null;
        }
        List<byte[]> bytes = new ArrayList<>();
        List<Integer> reaches = new ArrayList<>();
        for (String head : heads) {
            int reach = firstKeywordEnd(head, keywords);
            if (reach < 0 || !head.chars().allMatch(c -> c > 0 && c < 0x80)) {
                return null;
            }
            byte[] ascii = new byte[head.length()];
            for (int i = 0; i < ascii.length; i++) {
                ascii[i] = (byte) head.charAt(i);
            }
            bytes.add(ascii);
            reaches.add(reach);
        }
        return new HeadStarts(
                bytes.toArray(new byte[0][]),
                reaches.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Where the first keyword occurrence in {@code head} ends, or -1 if it holds none. */
    private static int firstKeywordEnd(String head, List<String> keywords) {
        int best = -1;
        for (String keyword : keywords) {
            String k = keyword.toLowerCase(Locale.ROOT);
            int at = k.isEmpty() ? -1 : head.indexOf(k);
            if (at >= 0 && (best < 0 || at + k.length() < best)) {
                best = at + k.length();
            }
        }
        return best;
    }

    /** Adds to {@code hits} every place a head starts whose first keyword ends at {@code end}. */
    void addStarts(byte[] symbols, int end, HitStarts hits, int detector) {
        for (int h = 0; h < heads.length; h++) {
            int start = end - reach[h];
            if (start >= 0 && matches(symbols, start, heads[h])) {
                hits.add(detector, start);
            }
        }
    }

    private static boolean matches(byte[] symbols, int start, byte[] head) {
        if (start + head.length > symbols.length) {
            return false;
        }
        for (int i = 0; i < head.length; i++) {
            int s = symbols[start + i];
            // Symbols are ASCII or negative (non-ASCII); heads are lower-case ASCII.
            if ((s >= 'A' && s <= 'Z' ? s + ('a' - 'A') : s) != head[i]) {
                return false;
            }
        }
        return true;
    }
}
