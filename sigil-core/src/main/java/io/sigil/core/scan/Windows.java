package io.sigil.core.scan;

import java.util.Arrays;

/**
 * Per detector, the ranges of text its pattern may look at: keyword hits widened by the detector's
 * window, clamped to the text and merged as they arrive (hits come in increasing end order), so that the
 * total range per detector never exceeds the text length.
 */
final class Windows {

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
        return ranges[detector] == null ? new int[0] : Arrays.copyOf(ranges[detector], sizes[detector]);
    }
}
