package io.sigil.core.scan;

/**
 * A text read once into one byte per char, so that the scan's many linear passes index an array instead of
 * calling {@code String.charAt} (a bounds and coder check per char on a UTF-16 string).
 */
final class Symbols {

    /** Symbol of a non-ASCII char, and of a lone low surrogate: RE2J reads it as one code point. */
    static final int NON_ASCII = 128;

    /** Symbol of the second half of a surrogate pair: RE2J reads the pair as one code point, so it is skipped. */
    static final int SKIP = 129;

    /** Number of distinct symbols. */
    static final int COUNT = 130;

    private Symbols() {}

    /**
     * Per char: the char itself when ASCII, {@link #SKIP} for a low surrogate right after a high one, else
     * {@link #NON_ASCII}; read as {@code symbols[i] & 0xFF}.
     */
    static byte[] of(CharSequence text) {
        int n = text.length();
        byte[] symbols = new byte[n];
        boolean afterHigh = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                symbols[i] = (byte) c;
                afterHigh = false;
            } else {
                symbols[i] = (byte) (afterHigh && Character.isLowSurrogate(c) ? SKIP : NON_ASCII);
                afterHigh = Character.isHighSurrogate(c);
            }
        }
        return symbols;
    }
}
