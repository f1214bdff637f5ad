package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SymbolRunsTest {

    @Test
    void finds_each_run_of_ascii_digits() {
        assertThat(runs("a12 3x4567\u0663 89"))
                .containsExactly(List.of(1, 3), List.of(4, 5), List.of(6, 10), List.of(12, 14));
    }

    @Test
    void a_text_that_is_all_digits_or_has_none() {
        assertThat(runs("0123456789".repeat(20))).containsExactly(List.of(0, 200));
        assertThat(runs("/:;@ab\u00e9".repeat(20))).isEmpty();
        assertThat(runs("")).isEmpty();
    }

    @Test
    void every_byte_value_next_to_the_digits_is_read_as_it_is() {
        // Every third symbol is the byte under test, so it ends or joins runs of '5' in every 8-byte group;
        // '/' and ':' are the neighbours of the digits, and bytes with the high bit set are never digits.
        for (int b = 0; b < 256; b++) {
            byte[] symbols = new byte[70];
            for (int i = 0; i < symbols.length; i++) {
                symbols[i] = (byte) (i % 3 == 0 ? b : '5');
            }
            assertThat(runs(symbols)).as("byte %d", b).isEqualTo(expected(symbols));
        }
    }

    @Test
    void random_texts_across_block_edges_match_a_char_by_char_reading() {
        Random random = new Random(5);
        String alphabet = "0123456789/:a \u00e9";
        for (int t = 0; t < 500; t++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(400);
            while (text.length() < length) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                text.append(String.valueOf(c).repeat(1 + random.nextInt(random.nextBoolean() ? 3 : 100)));
            }
            byte[] symbols = Symbols.of(text);
            assertThat(runs(symbols)).as(text.toString()).isEqualTo(expected(symbols));
        }
    }

    private static List<List<Integer>> runs(String text) {
        return runs(Symbols.of(text));
    }

    private static List<List<Integer>> runs(byte[] symbols) {
        List<List<Integer>> out = new ArrayList<>();
        SymbolRuns.digits(symbols, (start, end) -> out.add(List.of(start, end)));
        return out;
    }

    private static List<List<Integer>> expected(byte[] symbols) {
        List<List<Integer>> out = new ArrayList<>();
        int i = 0;
        while (i < symbols.length) {
            if (symbols[i] < '0' || symbols[i] > '9') {
                i++;
                continue;
            }
            int start = i;
            while (i < symbols.length && symbols[i] >= '0' && symbols[i] <= '9') {
                i++;
            }
            out.add(List.of(start, i));
        }
        return out;
    }
}
