package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WordStartsTest {

    @Test
    void finds_the_word_starts() {
        WordStarts words = WordStarts.of(Symbols.of("ab  c_d-9 \u00e9x"));
        int[] found = new int[words.count()];
        for (int k = 0; k < found.length; k++) {
            found[k] = words.get(k);
        }
        // the non-ASCII char is not a word char, so the x after it starts a word
        assertThat(found).containsExactly(0, 4, 8, 11);
    }

    @Test
    void a_search_from_a_lower_index_finds_what_a_whole_search_finds() {
        Random random = new Random(9);
        String alphabet = "ab9_ -.\u00e9";
        for (int t = 0; t < 100; t++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 120; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            WordStarts words = WordStarts.of(Symbols.of(text));
            int lowest = 0;
            for (int position = 0; position <= text.length(); position += 1 + random.nextInt(9)) {
                int expected = 0;
                while (expected < words.count() && words.get(expected) < position) {
                    expected++;
                }
                int found = words.indexAtOrAfter(position, lowest);
                assertThat(found).isEqualTo(expected).isEqualTo(words.indexAtOrAfter(position));
                lowest = random.nextInt(found + 1);
            }
        }
    }
}
