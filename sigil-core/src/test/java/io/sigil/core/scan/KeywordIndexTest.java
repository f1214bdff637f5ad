package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
