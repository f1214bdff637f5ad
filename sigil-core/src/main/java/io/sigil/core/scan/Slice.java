package io.sigil.core.scan;

/**
 * A movable view of part of a string, so that a pattern can be tried on a bounded region around each
 * keyword hit without copying the region. Mutable and owned by one scan.
 */
final class Slice implements CharSequence {

    private final String text;
    private int from;
    private int to;

    Slice(String text) {
        this.text = text;
    }

    Slice set(int from, int to) {
        this.from = from;
        this.to = to;
        return this;
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public char charAt(int index) {
        return text.charAt(from + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(from + start, from + end);
    }

    @Override
    public String toString() {
        return text.substring(from, to);
    }
}
