package io.sigil.core.scan;

import java.util.Arrays;

/**
 * Per detector, where its keyword hits start, for detectors whose matches begin at a keyword: they are
 * tried anchored at each start rather than over a window, so a text dense in their keywords costs one
 * short, bounded attempt per hit instead of a sweep.
 */
final class HitStarts {

    private static final int[] NONE = new int[0];

    private final int[][] starts;
    private final int[] sizes;

    HitStarts(int detectors) {
        this.starts = new int[detectors][];
        this.sizes = new int[detectors];
    }

    void add(int detector, int start) {
        int[] s = starts[detector];
        int size = sizes[detector];
        if (s == null) {
            s = new int[8];
        } else if (size == s.length) {
            s = Arrays.copyOf(s, size * 2);
        }
        s[size] = start;
        starts[detector] = s;
        sizes[detector] = size + 1;
    }

    /** The starts in increasing order (hits arrive ordered by end, so keywords of mixed length may not be). */
    int[] sorted(int detector) {
        int size = sizes[detector];
        if (size == 0) {
            return NONE; // shared: callers only read it
        }
        int[] s = Arrays.copyOf(starts[detector], size);
        for (int i = 1; i < size; i++) {
            if (s[i] < s[i - 1]) {
                Arrays.sort(s);
                break;
            }
        }
        return s;
    }
}
