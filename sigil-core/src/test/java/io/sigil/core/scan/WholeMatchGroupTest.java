package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import io.sigil.core.scan.bench.MixedCorpus;
import org.junit.jupiter.api.Test;

class WholeMatchGroupTest {

    @Test
    void only_a_single_group_with_nothing_but_assertions_around_it_spans_the_whole_match() {
        assertThat(WholeMatchGroup.spansWholeMatch("\\b([0-9]{4}(?:[ \\-]?[0-9]{4}){3})\\b"))
                .isTrue();
        assertThat(WholeMatchGroup.spansWholeMatch("(?i)\\b(ghp_[a-z]{36})$")).isTrue();
        assertThat(WholeMatchGroup.spansWholeMatch("^(a[)(]b)")).isTrue();
        assertThat(WholeMatchGroup.spansWholeMatch("key=(a+)")).isFalse(); // chars before the group
        assertThat(WholeMatchGroup.spansWholeMatch("(a+);")).isFalse(); // chars after it
        assertThat(WholeMatchGroup.spansWholeMatch("(a)?\\b")).isFalse(); // optional: may not take part
        assertThat(WholeMatchGroup.spansWholeMatch("(a)+")).isFalse();
        assertThat(WholeMatchGroup.spansWholeMatch("(a)|(b)")).isFalse(); // two groups
        assertThat(WholeMatchGroup.spansWholeMatch("(a)|b")).isFalse(); // an alternative outside it
        assertThat(WholeMatchGroup.spansWholeMatch("b|(a)")).isFalse();
        assertThat(WholeMatchGroup.spansWholeMatch("((a)b)")).isFalse(); // a group inside
        assertThat(WholeMatchGroup.spansWholeMatch("(?:a)")).isFalse(); // no group at all
        assertThat(WholeMatchGroup.spansWholeMatch("\\Q(\\E(a)")).isFalse();
        assertThat(WholeMatchGroup.spansWholeMatch("\\((a)")).isFalse(); // an escaped paren is a char
        assertThat(WholeMatchGroup.spansWholeMatch("[(](a)")).isFalse();
    }

    /** Where the engine takes the match for the value, RE2J's group agrees on the examples and the corpus. */
    @Test
    void on_the_examples_and_a_corpus_the_group_is_the_match_for_every_built_in_detector_it_accepts() {
        String corpus = MixedCorpus.generate(7, 1, 256 * 1024).get(0).text();
        int detectors = 0;
        int matches = 0;
        for (Detector detector : DetectorPacks.builtIn()) {
            if (!WholeMatchGroup.spansWholeMatch(detector.pattern().pattern())) {
                continue;
            }
            detectors++;
            for (String text : concat(detector.positives(), corpus)) {
                Matcher m = detector.pattern().matcher(text);
                while (m.find()) {
                    assertThat(m.start(1)).as(detector.id()).isEqualTo(m.start());
                    assertThat(m.end(1)).as(detector.id()).isEqualTo(m.end());
                    matches++;
                }
            }
        }
        assertThat(detectors).isGreaterThan(50);
        assertThat(matches).isGreaterThan(200);
    }

    private static java.util.List<String> concat(java.util.List<String> examples, String corpus) {
        java.util.List<String> all = new java.util.ArrayList<>(examples);
        all.add(corpus);
        return all;
    }
}
