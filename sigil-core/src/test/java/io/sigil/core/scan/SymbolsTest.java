package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SymbolsTest {

    @Test
    void ascii_is_itself_and_a_surrogate_pair_is_one_non_ascii_symbol_then_a_skip() {
        byte[] symbols = Symbols.of("aZ\u00e9\uD83D\uDE00\uDE00\uD83Dx");
        assertThat(symbols[0]).isEqualTo((byte) 'a');
        assertThat(symbols[1]).isEqualTo((byte) 'Z');
        assertThat(symbols[2] & 0xFF).isEqualTo(Symbols.NON_ASCII);
        assertThat(symbols[3] & 0xFF).isEqualTo(Symbols.NON_ASCII); // high half: read as the code point
        assertThat(symbols[4] & 0xFF).isEqualTo(Symbols.SKIP); // low half after a high one
        assertThat(symbols[5] & 0xFF).isEqualTo(Symbols.NON_ASCII); // a lone low surrogate
        assertThat(symbols[6] & 0xFF).isEqualTo(Symbols.NON_ASCII); // a lone high surrogate
        assertThat(symbols[7]).isEqualTo((byte) 'x');
    }

    /** RE2J reads a region that starts on the second half of a pair as starting with a non-ASCII char. */
    @Test
    void a_region_that_starts_on_the_second_half_of_a_pair_reads_it_as_a_char() {
        String text = "\uD83D\uDE00b";
        PatternDfa twoChars = PatternDfa.of("(?s:.)b");
        assertThat(twoChars.ruleOut(Symbols.of(text), 1, 3, 1, Long.MAX_VALUE)).isEqualTo(-1L);
        assertThat(com.google.re2j.Pattern.compile("(?s:.)b")
                        .matcher(text.substring(1))
                        .find())
                .isTrue();
        // Read from the first half, the pair is one char: ".b" fits, and "..b" does not.
        assertThat(twoChars.ruleOut(Symbols.of(text), 0, 3, 1, Long.MAX_VALUE)).isEqualTo(-1L);
        assertThat(PatternDfa.of("(?s:..)b").ruleOut(Symbols.of(text), 0, 3, 1, Long.MAX_VALUE))
                .isGreaterThanOrEqualTo(0L);
        assertThat(com.google.re2j.Pattern.compile("(?s:..)b").matcher(text).find())
                .isFalse();
    }
}
