package io.sigil.core.scan;

/**
 * A movable view of part of a string, so that a pattern can be tried on a bounded region around each
 * keyword hit without copying the region. It remembers how far into the region RE2J read, so that an
 * anchored try, which stops as soon as no match is possible, is charged for what it read rather than for
 * the whole region. Mutable and owned by one scan.
 */
final class Slice implements CharSequence {

    private final String text;
    private int from;
    private int to;
    private int read;

    Slice(String text) {
        this.text = text;
    }

    Slice set(int from, int to) {
        this.from = from;
        this.to = to;
        this.read = 0;
        return this;
    }

    /** How many chars from the start of the region were read since {@link #set}: one past the furthest. */
    int read() {
        return read;
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public char charAt(int index) {
        read = Math.max(read, index + 1);
        return text.charAt(from + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        read = Math.max(read, end);
        return text.substring(from + start, from + end);
    }

    @Override
    public String toString() {
        read = length();
        return text.substring(from, to);
    }
}
