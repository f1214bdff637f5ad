package io.sigil.core.scan;

import java.util.Arrays;

/** Builds a normalised text char by char while recording which original range each char came from. */
final class TextBuilder {

    private final StringBuilder out;
    private int[] starts;
    private int[] ends;

    TextBuilder(int capacity) {
        out = new StringBuilder(capacity);
        starts = new int[Math.max(16, capacity)];
        ends = new int[Math.max(16, capacity)];
    }

    void append(char c, int originalStart, int originalEnd) {
        int i = out.length();
        if (i == starts.length) {
            starts = Arrays.copyOf(starts, i * 2);
            ends = Arrays.copyOf(ends, i * 2);
        }
        out.append(c);
        starts[i] = originalStart;
        ends[i] = originalEnd;
    }

    void append(CharSequence chars, int originalStart, int originalEnd) {
        for (int k = 0; k < chars.length(); k++) {
            append(chars.charAt(k), originalStart, originalEnd);
        }
    }

    NormalisedText build(int originalLength) {
        int n = out.length();
        return new NormalisedText(out.toString(), originalLength, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }
}
