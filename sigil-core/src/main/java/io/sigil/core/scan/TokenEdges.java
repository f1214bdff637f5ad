package io.sigil.core.scan;

/**
 * Where the token around a window edge ends, for one text: the engine moves every window's edges out to token
 * boundaries (at most {@link ScanEngine#EDGE_SLACK} chars), and in text made of token chars each edge would read
 * that many chars one at a time, for every window and keyword hit of every detector. Here the text's token chars
 * are a bitmap, filled 64 chars at a time where an edge first looks, so an edge is found a word at a time and no
 * char is classified twice. One per scan, never shared.
 */
final class TokenEdges {

    private final String text;
    private final byte[] symbols;
    /** Bit {@code i % 64} of word {@code i / 64}: whether char i is a token char; valid once the word is filled. */
    private final long[] tokenBits;
    /** Bit {@code w % 64} of word {@code w / 64}: whether word w of {@link #tokenBits} is filled. */
    private final long[] filled;

    TokenEdges(String text, byte[] symbols) {
        this.text = text;
        this.symbols = symbols;
        int words = (symbols.length + 63) >>> 6;
        this.tokenBits = new long[words];
        this.filled = new long[(words + 63) >>> 6];
    }

    /** The first char at or after {@code at} that is not a token char, or {@code limit} when there is none before it. */
    int nextNonToken(int at, int limit) {
        int i = at;
        while (i < limit) {
            int word = i >>> 6;
            long nonToken = ~bits(word) & (-1L << (i & 63));
            if (nonToken != 0) {
                return Math.min(limit, (word << 6) + Long.numberOfTrailingZeros(nonToken));
            }
            i = (word + 1) << 6;
        }
        return limit;
    }

    /**
     * One past the last char before {@code before} and at or after {@code limit} that is not a token char, or
     * {@code limit} when there is none: where a left edge moved back over token chars stops.
     */
    int afterPreviousNonToken(int before, int limit) {
        int j = before - 1;
        while (j >= limit) {
            int word = j >>> 6;
            long nonToken = ~bits(word) & (-1L >>> (63 - (j & 63)));
            if (nonToken != 0) {
                int found = (word << 6) + 63 - Long.numberOfLeadingZeros(nonToken);
                return found >= limit ? found + 1 : limit;
            }
            j = (word << 6) - 1;
        }
        return limit;
    }

    private long bits(int word) {
        if ((filled[word >>> 6] & (1L << word)) == 0) {
            fill(word);
        }
        return tokenBits[word];
    }

    private void fill(int word) {
        int from = word << 6;
        int to = Math.min(symbols.length, from + 64);
        long bits = 0;
        for (int i = from; i < to; i++) {
            if (isTokenChar(i)) {
                bits |= 1L << (i - from);
            }
        }
        tokenBits[word] = bits;
        filled[word >>> 6] |= 1L << word;
    }

    /** Whether char i is a letter, a digit or one of {@code _-+/=}. */
    boolean isTokenChar(int i) {
        // ASCII by table, from the symbols (no String.charAt checks); only a non-ASCII char is read from the text.
        int symbol = symbols[i] & 0xFF;
        return symbol < ASCII_TOKEN_CHARS.length
                ? ASCII_TOKEN_CHARS[symbol]
                : Character.isLetterOrDigit(text.charAt(i));
    }

    /** Per ASCII char: whether it is a letter, a digit or one of {@code _-+/=}. */
    private static final boolean[] ASCII_TOKEN_CHARS = asciiTokenChars();

    private static boolean[] asciiTokenChars() {
        boolean[] table = new boolean[128];
        for (char c = 0; c < table.length; c++) {
            table[c] = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '+' || c == '/' || c == '=';
        }
        return table;
    }
}
