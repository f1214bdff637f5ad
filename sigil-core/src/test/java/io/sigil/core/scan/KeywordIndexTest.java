package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordIndexTest {

    @Test
    void every_keyword_occurrence_is_reported_case_insensitively_with_overlaps_and_suffixes() {
        // Given keywords that are prefixes and suffixes of each other
        KeywordIndex index = new KeywordIndex(List.of(List.of("he", "she"), List.of("hers"), List.of("his")));
        List<String> hits = new ArrayList<>();

        // When
        index.search("uSHErs and hIs", (d, start, end) -> hits.add(d + "@" + start + "-" + end));

        // Then "she" and "he" end together: detector 0 reports its longest keyword once
        assertThat(hits).containsExactly("0@1-4", "1@2-6", "2@11-14");
    }

    @Test
    void non_ascii_chars_reset_the_automaton() {
        KeywordIndex index = new KeywordIndex(List.of(List.of("akia")));
        List<Integer> starts = new ArrayList<>();

        index.search("AK\u00e9IA akia", (d, start, end) -> starts.add(start));

        assertThat(starts).containsExactly(6);
    }

    @Test
    void the_hits_are_those_of_a_plain_search_for_every_keyword_at_every_end() {
        // Given random keyword sets over a small alphabet (so that keywords share prefixes and suffixes) and text
        // of their pieces, upper case, chars in no keyword and non-ASCII chars
        Random random = new Random(9);
        String alphabet = "abcAB_-: ./1\"";
        String noise = "abcABCxyzXYZ_-: ./1\"=+\u00e9\u212a\u017f";
        int hits = 0;
        for (int round = 0; round < 300; round++) {
            List<List<String>> keywords = new ArrayList<>();
            for (int d = 0; d < 1 + random.nextInt(6); d++) {
                List<String> own = new ArrayList<>();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    own.add(chars(random, alphabet, 1 + random.nextInt(5)));
                }
                keywords.add(own);
            }
            String text = keywordsAndNoise(random, keywords, noise, 400);
            List<String> found = new ArrayList<>();

            // When
            new KeywordIndex(keywords).search(text, (d, start, end) -> found.add(d + "@" + start + "-" + end));

            // Then
            assertThat(found).as(keywords + " in " + text).isEqualTo(plainSearch(keywords, text));
            hits += found.size();
        }
        assertThat(hits).isGreaterThan(10_000);
    }

    @Test
    void a_long_text_read_as_two_halves_gives_the_hits_of_a_plain_search() {
        // Given texts around and above the length from which the halves are read together, dense in keywords that
        // overlap the middle at every offset (some longer than the rest, so the second half restarts far back)
        Random random = new Random(21);
        String alphabet = "abAB_-1";
        String noise = "abcxyzXYZ_- .1=+\u00e9";
        int hits = 0;
        int lengths = 0;
        for (int round = 0; round < 40; round++) {
            List<List<String>> keywords = new ArrayList<>();
            for (int d = 0; d < 1 + random.nextInt(5); d++) {
                List<String> own = new ArrayList<>();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    own.add(chars(random, alphabet, 1 + random.nextInt(round % 4 == 0 ? 40 : 6)));
                }
                keywords.add(own);
            }
            int length = KeywordIndex.TWO_CHAINS_FROM - 50 + random.nextInt(3000);
            String text = keywordsAndNoise(random, keywords, noise, length);
            List<String> found = new ArrayList<>();

            // When
            new KeywordIndex(keywords).search(text, (d, start, end) -> found.add(d + "@" + start + "-" + end));

            // Then
            assertThat(found).as(keywords + " in " + text).isEqualTo(plainSearch(keywords, text));
            hits += found.size();
            lengths += text.length() >= KeywordIndex.TWO_CHAINS_FROM ? 1 : 0;
        }
        assertThat(hits).isGreaterThan(50_000);
        assertThat(lengths).isGreaterThan(30);
    }

    /** Per end, in increasing order, per detector in index order: its longest keyword ending there. */
    /** Keywords of the detectors, some upper-cased, between runs of noise, until the text is this long. */
    private static String keywordsAndNoise(Random random, List<List<String>> keywords, String noise, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            if (random.nextBoolean()) {
                List<String> own = keywords.get(random.nextInt(keywords.size()));
                String keyword = own.get(random.nextInt(own.size()));
                text.append(random.nextBoolean() ? keyword : keyword.toUpperCase(java.util.Locale.ROOT));
            } else {
                text.append(chars(random, noise, 1 + random.nextInt(3)));
            }
        }
        return text.toString();
    }

    private static List<String> plainSearch(List<List<String>> keywords, String text) {
        List<String> out = new ArrayList<>();
        for (int end = 1; end <= text.length(); end++) {
            for (int d = 0; d < keywords.size(); d++) {
                int longest = 0;
                for (String keyword : keywords.get(d)) {
                    if (keyword.length() > longest && endsWith(text, end, keyword)) {
                        longest = keyword.length();
                    }
                }
                if (longest > 0) {
                    out.add(d + "@" + (end - longest) + "-" + end);
                }
            }
        }
        return out;
    }

    /** Whether the keyword ends at {@code end}, ASCII letters compared without case (and nothing else folded). */
    private static boolean endsWith(String text, int end, String keyword) {
        int start = end - keyword.length();
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < keyword.length(); i++) {
            if (lower(text.charAt(start + i)) != lower(keyword.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static String chars(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
