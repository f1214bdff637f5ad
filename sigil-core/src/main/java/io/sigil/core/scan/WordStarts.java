package io.sigil.core.scan;

import java.util.Arrays;

/**
 * Where the words of a text start (an ASCII word char after a non-word char or the start), found in one
 * pass and shared by every detector whose matches begin with {@code \b} and a word char: they then visit
 * only these places of their windows instead of every char.
 */
final class WordStarts {

    private final int[] starts;
    private final int count;

    private WordStarts(int[] starts, int count) {
        this.starts = starts;
        this.count = count;
    }

    /** The word starts of the text of {@code symbols} ({@link Symbols#of}). */
    static WordStarts of(byte[] symbols) {
        int length = symbols.length;
        // Room for every start up front (at most one per two chars): the loop then has one branch per start.
        int[] out = new int[length / 2 + 1];
        int n = 0;
        boolean previousWord = false;
        for (int i = 0; i < length; i++) {
            boolean word = StartClasses.isWordSymbol(symbols[i]);
            out[n] = i;
            n += word && !previousWord ? 1 : 0;
            previousWord = word;
        }
        return new WordStarts(out, n);
    }

    /** Index of the first start at or after {@code position} ({@link #count()} if none). */
    int indexAtOrAfter(int position) {
        return indexAtOrAfter(position, 0);
    }

    /**
     * Index of the first start at or after {@code position}, known to be at least {@code lowest} (a caller
     * visiting increasing positions searches only what is left).
     */
    int indexAtOrAfter(int position, int lowest) {
        // Galloping from lowest: callers' next position is usually a few starts on, and a binary search over all
        // the rest would touch far-apart entries of a large array.
        int low = lowest;
        int high = lowest;
        int step = 1;
        while (high < count && starts[high] < position) {
            low = high + 1;
            high = (int) Math.min(count, (long) lowest + step);
            step <<= 1;
        }
        int i = Arrays.binarySearch(starts, low, Math.min(high, count), position);
        return i >= 0 ? i : -i - 1;
    }

    int get(int index) {
        return starts[index];
    }

    int count() {
        return count;
    }
}
