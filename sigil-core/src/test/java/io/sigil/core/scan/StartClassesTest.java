package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import io.sigil.core.scan.bench.AdversarialInputs;
import io.sigil.core.scan.bench.MixedCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartClassesTest {

    private static StartClasses.Filter filter(String regex) {
        return StartClasses.Filter.of(StartClasses.of(regex));
    }

    @Test
    void classes_are_read_through_counts_groups_and_alternatives() {
        StartClasses.Shape iban =
                StartClasses.of("\\b([A-Z]{2}[0-9]{2}(?:[A-Z0-9]{11,30}|(?:[ \\-][A-Z0-9]{4}){2,7}))\\b");
        assertThat(iban.boundaryFirst()).isTrue();
        // two letters, two digits, then what both alternatives allow, up to the cap
        assertThat(iban.classes()).hasSize(StartClasses.MAX_LENGTH);
        StartClasses.Filter f = StartClasses.Filter.of(iban);
        assertThat(f.fits(Symbols.of("DE89 3704"), 0)).isTrue();
        assertThat(f.fits(Symbols.of("DE89370400440532"), 0)).isTrue();
        assertThat(f.fits(Symbols.of("DE89!370"), 0)).isFalse();
        assertThat(f.fits(Symbols.of("De89 3704"), 0)).isFalse();
        assertThat(f.fits(Symbols.of("xDE89 3704"), 1)).isFalse(); // no word boundary before D
        assertThat(f.atWordStarts()).isTrue();
    }

    @Test
    void optional_and_repeated_parts_end_the_classes() {
        assertThat(StartClasses.of("ab?c").classes()).hasSize(1);
        assertThat(StartClasses.of("a+b").classes()).hasSize(1);
        assertThat(StartClasses.of("a{2,3}b").classes()).hasSize(2);
        assertThat(StartClasses.of("(?:ab|c)d").classes()).hasSize(1);
        assertThat(StartClasses.of("(?:ab|cd)e").classes()).hasSize(3);
        assertThat(StartClasses.of("x*abc").classes()).isEmpty();
    }

    @Test
    void the_longest_match_is_counted_and_unbounded_repetition_has_none() {
        assertThat(StartClasses.of("\\b[0-9]{4}(?:[ \\-]?[0-9]{4}){2}\\b").maxLength())
                .isEqualTo(4 + 2 * 5);
        assertThat(StartClasses.of("ab(?:c|def)?").maxLength()).isEqualTo(5);
        assertThat(StartClasses.of("ab[0-9]+").maxLength()).isEqualTo(StartClasses.UNBOUNDED);
    }

    @Test
    void case_folding_admits_both_cases_and_non_ascii() {
        StartClasses.Filter f = filter("(?i)token[=:]");
        assertThat(f.fits(Symbols.of("TOKEN="), 0)).isTrue();
        assertThat(f.fits(Symbols.of("tOkEn:"), 0)).isTrue();
        assertThat(f.fits(Symbols.of("token "), 0)).isFalse();
        // RE2J folds k to the Kelvin sign U+212A: non-ASCII must never be refused under (?i)
        assertThat(f.fits(Symbols.of("to\u212Aen="), 0)).isTrue();
        assertThat(filter("(?i:ab)c").fits(Symbols.of("ABc"), 0)).isTrue();
        assertThat(filter("(?i:ab)c").fits(Symbols.of("ABC"), 0)).isFalse();
    }

    @Test
    void negated_classes_and_dots_admit_non_ascii_and_surrogate_pairs_are_not_split() {
        StartClasses.Filter f = filter("[^a].[0-9]");
        assertThat(f.fits(Symbols.of("b\u00e91"), 0)).isTrue();
        // U+1F600 is two chars but one position for RE2J: the classes after it are not checked
        assertThat(f.fits(Symbols.of("b\uD83D\uDE001"), 0)).isTrue();
    }

    @Test
    void unreadable_patterns_are_not_eligible() {
        assertThat(StartClasses.of("[[:alpha:]]x")).isNull();
        assertThat(StartClasses.of("\\pLx")).isNull();
        assertThat(StartClasses.of("a)b")).isNull();
    }

    /** Every match RE2J finds in the examples starts where the classes of its detector fit. */
    @Test
    void every_example_match_of_every_built_in_detector_starts_where_its_classes_fit() {
        int checked = 0;
        for (Detector detector : DetectorPacks.builtIn()) {
            StartClasses.Shape shape = StartClasses.of(detector.pattern().pattern());
            if (shape == null) {
                continue;
            }
            StartClasses.Filter f = StartClasses.Filter.of(shape);
            for (String example : detector.positives()) {
                Matcher m = detector.pattern().matcher(example);
                while (m.find()) {
                    assertThat(f.fits(Symbols.of(example), m.start()))
                            .as("%s at %d of %s", detector.id(), m.start(), example)
                            .isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    /**
     * Tried where the classes fit, the engine finds exactly what sweeping RE2J over the windows finds:
     * on the mixed corpus, every pack example and every adversarial input.
     */
    @Test
    void trying_at_start_classes_finds_exactly_what_sweeping_the_windows_finds() {
        ScanEngine fast = new ScanEngine(DetectorPacks.builtIn(), true);
        ScanEngine sweep = new ScanEngine(DetectorPacks.builtIn(), false);
        assertThat(fast.triedAtStarts("iban")).isTrue();
        assertThat(sweep.triedAtStarts("iban")).isFalse();
        List<String> texts = new ArrayList<>();
        MixedCorpus.generate(7, 48, 8192).forEach(d -> texts.add(d.text()));
        for (Detector detector : DetectorPacks.builtIn()) {
            texts.addAll(detector.positives());
            texts.addAll(detector.negatives());
        }
        for (Map.Entry<String, String> input : AdversarialInputs.all().entrySet()) {
            texts.add(input.getValue().substring(0, 64 * 1024));
        }
        // The DFA prefilter alone (without the start classes) must agree as well.
        ScanEngine prefilterOnly = new ScanEngine(DetectorPacks.builtIn(), false, true);
        assertThat(prefilterOnly.prefiltered("payment-card")).isTrue();
        assertThat(sweep.prefiltered("payment-card")).isFalse();
        for (String text : texts) {
            ScanResult expected = sweep.scanResult(text);
            for (ScanEngine engine : List.of(fast, prefilterOnly)) {
                ScanResult actual = engine.scanResult(text);
                if (!expected.truncated()) {
                    // never charged more than the sweep, so never truncated where the sweep is not
                    assertThat(actual.work()).as("%.80s", text).isLessThanOrEqualTo(expected.work());
                    assertThat(actual.findings()).as("%.80s", text).isEqualTo(expected.findings());
                }
            }
        }
    }
}
