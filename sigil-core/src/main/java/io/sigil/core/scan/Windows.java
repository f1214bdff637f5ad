package io.sigil.core.scan;

import java.util.Arrays;

/**
 * Per detector, the ranges of text its pattern may look at: keyword hits widened by the detector's
 * window, clamped to the text and merged as they arrive (keyword hits come in increasing end order; digit
 * runs are a second ordered stream), then sorted and merged once more, so that the total range per
 * detector never exceeds the text length.
 */
final class Windows {

    private static final int[] NONE = new int[0];

    private final int length;
    private final int[][] ranges;
    private final int[] sizes;

    Windows(int detectors, int length) {
        this.length = length;
        this.ranges = new int[detectors][];
        this.sizes = new int[detectors];
    }

    void add(int detector, int hitStart, int hitEnd, int window) {
        int from = Math.max(0, hitStart - window);
        int to = Math.min(length, hitEnd + window);
        int[] r = ranges[detector];
        int size = sizes[detector];
        if (size > 0 && from <= r[size - 1]) {
            r[size - 2] = Math.min(r[size - 2], from);
            r[size - 1] = Math.max(r[size - 1], to);
            return;
        }
        if (r == null) {
            r = new int[8];
        } else if (size == r.length) {
            r = Arrays.copyOf(r, size * 2);
        }
        r[size] = from;
        r[size + 1] = to;
        ranges[detector] = r;
        sizes[detector] = size + 2;
    }

    /** Flat {@code [from0, to0, from1, to1, ...]}, sorted and disjoint. */
    int[] ranges(int detector) {
        int size = sizes[detector];
        if (size == 0) {
            return NONE; // shared: callers only read it
        }
        int[] r = ranges[detector];
        boolean sorted = true;
        for (int i = 2; i < size && sorted; i += 2) {
            sorted = r[i] > r[i - 1];
        }
        if (sorted) {
            return Arrays.copyOf(r, size);
        }
        Integer[] order = new Integer[size / 2];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(r[2 * a], r[2 * b]));
        int[] out = new int[size];
        int n = 0;
        for (int i : order) {
            if (n > 0 && r[2 * i] <= out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], r[2 * i + 1]);
            } else {
                out[n++] = r[2 * i];
                out[n++] = r[2 * i + 1];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
