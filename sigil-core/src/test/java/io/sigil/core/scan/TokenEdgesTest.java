package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenEdgesTest {

    @Test
    void finds_what_a_char_by_char_scan_finds() {
        Random random = new Random(11);
        String alphabet = "aZ9_=+/-. \n\u00e9\u0416\u2028\uD83D\uDE00";
        int compared = 0;
        for (int t = 0; t < 200; t++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(400);
            // Long token runs as well as mixed text: the bitmap's words must be crossed both ways.
            boolean runs = random.nextBoolean();
            for (int i = 0; i < length; i++) {
                text.append(runs && random.nextInt(100) > 0 ? 'x' : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String string = text.toString();
            TokenEdges edges = new TokenEdges(string, Symbols.of(string));
            for (int q = 0; q < 200; q++) {
                int at = random.nextInt(length + 1);
                int limit = Math.min(length, at + random.nextInt(200));
                assertThat(edges.nextNonToken(at, limit))
                        .as("next from %d to %d in %s", at, limit, string)
                        .isEqualTo(naiveNext(edges, at, limit));
                int lower = Math.max(0, at - random.nextInt(200));
                assertThat(edges.afterPreviousNonToken(at, lower))
                        .as("previous before %d down to %d in %s", at, lower, string)
                        .isEqualTo(naivePrevious(edges, at, lower));
                compared += 2;
            }
        }
        assertThat(compared).isEqualTo(80_000);
    }

    @Test
    void token_chars_are_letters_digits_and_base64_punctuation() {
        String text = "aZ9_=+/-. \u00e9:";
        TokenEdges edges = new TokenEdges(text, Symbols.of(text));
        boolean[] expected = {true, true, true, true, true, true, true, true, false, false, true, false};
        for (int i = 0; i < text.length(); i++) {
            assertThat(edges.isTokenChar(i)).as("char %d", i).isEqualTo(expected[i]);
        }
        assertThat(edges.nextNonToken(0, text.length())).isEqualTo(8);
        assertThat(edges.afterPreviousNonToken(8, 0)).isZero();
        assertThat(edges.afterPreviousNonToken(11, 0)).isEqualTo(10);
    }

    private static int naiveNext(TokenEdges edges, int at, int limit) {
        int i = at;
        while (i < limit && edges.isTokenChar(i)) {
            i++;
        }
        return i;
    }

    private static int naivePrevious(TokenEdges edges, int before, int limit) {
        int i = before;
        while (i > limit && edges.isTokenChar(i - 1)) {
            i--;
        }
        return i;
    }
}
