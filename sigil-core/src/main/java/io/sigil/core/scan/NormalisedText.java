package io.sigil.core.scan;

/**
 * A normalised text and, for each of its chars, the range of original chars it came from, so that spans
 * found in the normalised text map back to the original.
 */
final class NormalisedText {

    private final String text;
    private final int originalLength;
    /** Null when the text is the original itself: the common ASCII case costs no arrays. */
    private final int[] starts;

    private final int[] ends;

    NormalisedText(String text, int originalLength, int[] starts, int[] ends) {
        this.text = text;
        this.originalLength = originalLength;
        this.starts = starts;
        this.ends = ends;
    }

    static NormalisedText identity(String text) {
        return new NormalisedText(text, text.length(), null, null);
    }

    String text() {
        return text;
    }

    /** The original index where the normalised char at {@code index} begins. */
    int originalStart(int index) {
        if (starts == null) {
            return index;
        }
        return index < starts.length ? starts[index] : originalLength;
    }

    /** The original index just past the normalised char at {@code exclusiveEnd - 1}. */
    int originalEnd(int exclusiveEnd) {
        if (ends == null) {
            return exclusiveEnd;
        }
        return exclusiveEnd == 0 ? 0 : ends[exclusiveEnd - 1];
    }
}
