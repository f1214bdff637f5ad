package io.sigil.core.scan;

import java.util.Arrays;
import java.util.List;

/**
 * The decoded base64 tokens of one text joined by newlines, so that they are matched in one pass rather
 * than one full scan per token (a text of many small tokens would otherwise pay the per-scan set-up cost
 * for each), with the way back from a char of the joined text to its token.
 */
final class DecodedBatch {

    private final String text;
    private final int[] segmentStarts;

    private DecodedBatch(String text, int[] segmentStarts) {
        this.text = text;
        this.segmentStarts = segmentStarts;
    }

    static DecodedBatch of(List<Base64Tokens.Decoded> tokens) {
        StringBuilder joined = new StringBuilder();
        int[] starts = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                joined.append('\n');
            }
            starts[i] = joined.length();
            joined.append(tokens.get(i).text());
        }
        return new DecodedBatch(joined.toString(), starts);
    }

    String text() {
        return text;
    }

    /** The index of the token holding the char at {@code index} of the joined text. */
    int segmentOf(int index) {
        int at = Arrays.binarySearch(segmentStarts, index);
        return at >= 0 ? at : -at - 2;
    }
}
