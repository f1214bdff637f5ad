package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.sigil.core.scan.bench.AdversarialInputs;
import io.sigil.core.scan.bench.MixedCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PatternDfaTest {

    @Test
    void rules_out_only_regions_without_a_match() {
        PatternDfa card = PatternDfa.of("\\b([0-9]{4}(?:[ \\-]?[0-9]{4}){2}(?:[ \\-]?[0-9]{1,4}){1,2})\\b");
        assertThat(card).isNotNull();
        assertThat(card.mayMatch("paid 4111 1111 1111 1111 today", 0, 30)).isTrue();
        assertThat(card.mayMatch("order 1700 on 2024-11-23", 0, 24)).isFalse();
        // zero-width assertions are read as matching everywhere: a larger language, never a smaller one
        assertThat(card.mayMatch("x4111111111111111x", 0, 18)).isTrue();
        PatternDfa folded = PatternDfa.of("(?i)api[_\\-. ]?key");
        assertThat(folded.mayMatch("the API-Key is", 0, 14)).isTrue();
        assertThat(folded.mayMatch("the API_Kez is", 0, 14)).isFalse();
        // RE2J folds k to the Kelvin sign: a non-ASCII char may stand for a folded letter
        assertThat(folded.mayMatch("api\u212Aey", 0, 6)).isTrue();
        // a surrogate pair is one code point, as RE2J reads it
        assertThat(PatternDfa.of("a.b").mayMatch("a\uD83D\uDE00b", 0, 4)).isTrue();
        assertThat(PatternDfa.of("a.b").mayMatch("a\uD83D\uDE00\uD83D\uDE00b", 0, 6))
                .isFalse();
    }

    /**
     * Every match RE2J finds from a place ends at or after the DFA's first accepting char from there, and where
     * the DFA never accepts RE2J finds none: for every built-in detector with an eager DFA, from every place of
     * texts that hold matches (pack examples, the mixed corpus, digit noise, random text).
     */
    @Test
    void no_match_ends_before_the_first_accepting_char() {
        List<String> texts = new ArrayList<>();
        MixedCorpus.generate(13, 4, 2048).forEach(d -> texts.add(d.text()));
        for (Detector detector : DetectorPacks.builtIn()) {
            texts.add(String.join(" ", detector.positives()));
        }
        texts.add(AdversarialInputs.byName("digits-separators").substring(0, 2048));
        Random random = new Random(7);
        String alphabet = "aAZ09 -\n=:\u00e9\uD83D\uDE00";
        for (int i = 0; i < 40; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < 96; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        int found = 0;
        int none = 0;
        for (Detector detector : DetectorPacks.builtIn()) {
            PatternDfa dfa = PatternDfa.of(detector.pattern().pattern());
            if (dfa == null || dfa.lazy()) {
                continue;
            }
            for (String text : texts) {
                byte[] symbols = Symbols.of(text);
                Matcher matcher = detector.pattern().matcher(text);
                for (int from = 0; from < text.length(); from += 1 + from / 64) {
                    int firstEnd = dfa.firstMatchEnd(symbols, from, text.length());
                    boolean matched = matcher.find(from);
                    if (firstEnd < 0) {
                        assertThat(matched)
                                .as("%s from %d in %s", detector.id(), from, text)
                                .isFalse();
                        none++;
                    } else if (matched) {
                        assertThat(matcher.end())
                                .as("%s from %d in %s", detector.id(), from, text)
                                .isGreaterThanOrEqualTo(firstEnd);
                        found++;
                    }
                }
            }
        }
        // the texts hold matches and long stretches without: both answers were checked many times
        assertThat(found).isGreaterThan(1000);
        assertThat(none).isGreaterThan(1000);
    }

    @Test
    void constructs_it_does_not_read_give_no_dfa() {
        assertThat(PatternDfa.of("\\pL+")).isNull();
        assertThat(PatternDfa.of("[[:alpha:]]")).isNull();
        assertThat(PatternDfa.of("\\x41")).isNull();
    }

    @Test
    void large_counts_are_read_smaller_rather_than_giving_up() {
        // a prefix that recurs inside the run would need a state per set of run lengths
        PatternDfa aws = PatternDfa.of("\\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b");
        assertThat(aws).isNotNull();
        assertThat(aws.states()).isLessThanOrEqualTo(PatternDfa.MAX_STATES);
        assertThat(aws.mayMatch("key AKIAIOSFODNN7EXAMPLE", 0, 24)).isTrue();
        assertThat(aws.mayMatch("key AKIA-IOSFODNN7EXAMPLE", 0, 25)).isFalse();
    }

    /**
     * For every built-in detector with a DFA, wherever RE2J finds a match in a region the DFA says that a
     * match may lie there: over the mixed corpus, every pack example, adversarial inputs and random text
     * drawn from the chars the patterns use, cut into regions at random places.
     */
    @Test
    void never_rules_out_a_region_where_re2j_finds_a_match() {
        List<String> texts = new ArrayList<>();
        MixedCorpus.generate(11, 12, 4096).forEach(d -> texts.add(d.text()));
        for (Detector detector : DetectorPacks.builtIn()) {
            texts.addAll(detector.positives());
            texts.addAll(detector.negatives());
        }
        for (Map.Entry<String, String> input : AdversarialInputs.all().entrySet()) {
            texts.add(input.getValue().substring(0, 8 * 1024));
        }
        Random random = new Random(5);
        String alphabet = "aAkKsS09 -_.:=/+\"'\n@~\u212A\u017F\u00e9\uD83D\uDE00";
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < 64; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        int checked = 0;
        int ruledOut = 0;
        for (Detector detector : DetectorPacks.builtIn()) {
            PatternDfa dfa = PatternDfa.of(detector.pattern().pattern());
            if (dfa == null) {
                continue;
            }
            Pattern pattern = detector.pattern();
            for (String text : texts) {
                for (int k = 0; k < 4; k++) {
                    int from = k == 0 ? 0 : random.nextInt(text.length() + 1);
                    int to = k == 0 ? text.length() : from + random.nextInt(text.length() - from + 1);
                    Matcher matcher = pattern.matcher(new Slice(text).set(from, to));
                    boolean found = matcher.find();
                    boolean may = dfa.mayMatch(text, from, to);
                    if (found) {
                        assertThat(may)
                                .as("%s on [%d, %d) of %.80s", detector.id(), from, to, text)
                                .isTrue();
                        checked++;
                    } else if (!may) {
                        ruledOut++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
        assertThat(ruledOut).isGreaterThan(1000);
    }

    /**
     * Reading many windows at once (two at a time for an eager DFA) gives each window what reading it alone gives:
     * the answer and the charge, for every built-in detector's DFA (unanchored and anchored, eager and lazy), on
     * windows of every length from 0 up, some starting on the second half of a surrogate pair.
     */
    @Test
    void windows_read_together_answer_and_charge_as_read_alone() {
        StringBuilder text = new StringBuilder();
        MixedCorpus.generate(5, 2, 4096).forEach(d -> text.append(d.text()));
        text.append(AdversarialInputs.byName("keyword-mix"), 0, 8192);
        text.append(AdversarialInputs.byName("digits-separators"), 0, 4096);
        text.append("x\uD83D\uDE00y \u00e9 4111 1111 1111 1111 +49 30 1234567 ");
        byte[] symbols = Symbols.of(text);
        Random random = new Random(17);
        int windows = 400;
        int[] froms = new int[windows];
        int[] tos = new int[windows];
        long[] limits = new long[windows];
        int compared = 0;
        int ruledOut = 0;
        int maybe = 0;
        for (Detector detector : DetectorPacks.builtIn()) {
            for (boolean anchored : new boolean[] {false, true}) {
                PatternDfa dfa = PatternDfa.of(detector.pattern().pattern(), anchored);
                if (dfa == null) {
                    continue;
                }
                for (int k = 0; k < windows; k++) {
                    // Mostly short windows, some long, some empty; one in ten on the second half of the pair.
                    froms[k] = k % 10 == 0 ? text.indexOf("\uDE00") : random.nextInt(text.length());
                    int length = random.nextInt(8) == 0 ? random.nextInt(3000) : random.nextInt(300);
                    tos[k] = Math.min(text.length(), froms[k] + (k % 37 == 0 ? 0 : length));
                    limits[k] = random.nextBoolean() ? Long.MAX_VALUE : random.nextInt(400);
                }
                long[] together = new long[windows];
                int count = windows - random.nextInt(2); // an odd count leaves one window without a partner
                dfa.ruleOutEach(symbols, froms, tos, count, 3, limits, together);
                for (int k = 0; k < count; k++) {
                    long alone = dfa.ruleOut(symbols, froms[k], tos[k], 3, limits[k]);
                    assertThat(together[k])
                            .as("%s anchored %s window [%d, %d)", detector.id(), anchored, froms[k], tos[k])
                            .isEqualTo(alone);
                    compared++;
                    if (alone < 0) {
                        maybe++;
                    } else {
                        ruledOut++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(50_000);
        assertThat(ruledOut).isGreaterThan(5_000);
        assertThat(maybe).isGreaterThan(500);
    }

    /**
     * A pattern whose eager DFA would be too large (many keywords, each followed by overlapping runs) gets
     * a lazy one; its answers and charges depend on the text only, not on which states an earlier read made.
     */
    @Test
    void a_lazy_dfa_answers_and_charges_the_same_whatever_it_read_before() {
        Detector generic = DetectorPacks.builtIn().stream()
                .filter(d -> d.id().equals("generic-api-key"))
                .findFirst()
                .orElseThrow();
        List<String> texts = new ArrayList<>();
        MixedCorpus.generate(3, 16, 2048).forEach(d -> texts.add(d.text()));
        texts.addAll(generic.positives());
        texts.addAll(generic.negatives());
        texts.add(AdversarialInputs.all().get("keyword-mix").substring(0, 32 * 1024));
        PatternDfa first = PatternDfa.of(generic.pattern().pattern());
        PatternDfa second = PatternDfa.of(generic.pattern().pattern());
        assertThat(first.lazy()).isTrue();
        List<Long> forward = new ArrayList<>();
        for (String text : texts) {
            forward.add(first.ruleOut(Symbols.of(text), 0, text.length(), 3, Long.MAX_VALUE));
        }
        for (int i = texts.size() - 1; i >= 0; i--) {
            String text = texts.get(i);
            assertThat(second.ruleOut(Symbols.of(text), 0, text.length(), 3, Long.MAX_VALUE))
                    .as("%.80s", text)
                    .isEqualTo(forward.get(i));
            // and again from a warm cache
            assertThat(first.ruleOut(Symbols.of(text), 0, text.length(), 3, Long.MAX_VALUE))
                    .isEqualTo(forward.get(i));
        }
        assertThat(forward).contains(-1L);
        assertThat(forward.stream().filter(c -> c >= 0)).isNotEmpty();
        // a read that would be charged more than its limit says "maybe"
        String text = texts.get(0);
        long charge = forward.get(0) >= 0 ? forward.get(0) : 0;
        if (charge > 0) {
            assertThat(first.ruleOut(Symbols.of(text), 0, text.length(), 3, charge - 1))
                    .isEqualTo(-1L);
        }
    }

    /**
     * Anchored, the DFA never rules out a place where RE2J's anchored try (with one char of context before
     * it, as the engine tries at keyword hits) finds a match.
     */
    @Test
    void anchored_never_rules_out_a_place_where_an_anchored_try_matches() {
        List<String> texts = new ArrayList<>();
        MixedCorpus.generate(13, 4, 4096).forEach(d -> texts.add(d.text()));
        for (Detector detector : DetectorPacks.builtIn()) {
            texts.addAll(detector.positives());
            texts.addAll(detector.negatives());
        }
        texts.add(AdversarialInputs.all().get("keyword-mix").substring(0, 4096));
        int checked = 0;
        int ruledOut = 0;
        for (Detector detector : DetectorPacks.builtIn()) {
            PatternDfa dfa = PatternDfa.of(detector.pattern().pattern(), true);
            assertThat(dfa).as(detector.id()).isNotNull();
            Pattern tried = Pattern.compile(
                    "\\A(?s:.)(?:" + detector.pattern().pattern() + ")",
                    detector.pattern().flags());
            for (String text : texts) {
                for (int h = 1; h < text.length(); h++) {
                    if (!Character.isLetter(text.charAt(h)) && h % 7 != 0) {
                        continue; // keyword hits start at letters; a few other places as well
                    }
                    int to = Math.min(text.length(), h + 600);
                    boolean found =
                            tried.matcher(new Slice(text).set(h - 1, to)).lookingAt();
                    boolean may = dfa.mayMatch(text, h, to);
                    if (found) {
                        assertThat(may)
                                .as("%s at %d of %.80s", detector.id(), h, text)
                                .isTrue();
                        checked++;
                    } else if (!may) {
                        ruledOut++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(200);
        assertThat(ruledOut).isGreaterThan(100_000);
    }

    @Test
    void almost_every_built_in_detector_gets_one() {
        List<String> without = new ArrayList<>();
        for (Detector detector : DetectorPacks.builtIn()) {
            PatternDfa dfa = PatternDfa.of(detector.pattern().pattern());
            if (dfa == null) {
                without.add(detector.id());
            } else if (!dfa.lazy()) {
                assertThat(dfa.states()).isLessThanOrEqualTo(PatternDfa.MAX_STATES);
            }
        }
        assertThat(without).isEmpty();
    }
}
