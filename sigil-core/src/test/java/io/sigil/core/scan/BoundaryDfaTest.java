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

class BoundaryDfaTest {

    private static final String PASSPORT = "(?i:passport|reisepass)[^\\n]{0,30}?\\b([A-Z]{0,3}[0-9]{6,9})\\b";

    @Test
    void reads_word_boundaries_exactly() {
        BoundaryDfa at = BoundaryDfa.of(PASSPORT, true);
        BoundaryDfa in = BoundaryDfa.of(PASSPORT, false);
        assertThat(at).isNotNull();
        assertThat(mayAt(at, "passport no X1234567 issued", 0)).isTrue();
        // a number glued to the next word, or to the word before, is not a whole word: no match
        assertThat(mayAt(at, "passport no 1234567a issued", 0)).isFalse();
        assertThat(mayAt(at, "passport no a1234567 issued", 0)).isFalse();
        // the end of the region is the end of the input: \b holds there
        assertThat(mayAt(at, "passport 1234567", 0)).isTrue();
        assertThat(mayIn(in, "see reisepass: 7654321.")).isTrue();
        assertThat(mayIn(in, "see reisepass: 7654321x.")).isFalse();
        // the char before the place counts: \b at the start of a word needs a non-word char before it
        BoundaryDfa word = BoundaryDfa.of("\\bkey", true);
        assertThat(mayAt(word, "a key", 2)).isTrue();
        assertThat(mayAt(word, "akey", 1)).isFalse();
        assertThat(mayAt(BoundaryDfa.of("\\Bkey", true), "akey", 1)).isTrue();
        // counts above PatternDfa's caps are read exactly
        BoundaryDfa run = BoundaryDfa.of("x[a-z]{40}y", false);
        assertThat(mayIn(run, "x" + "a".repeat(40) + "y")).isTrue();
        assertThat(mayIn(run, "x" + "a".repeat(39) + "y")).isFalse();
        // a surrogate pair is one non-word code point
        assertThat(mayIn(BoundaryDfa.of("\\ba.b\\b", false), "a\uD83D\uDE00b")).isTrue();
        assertThat(mayIn(BoundaryDfa.of("\\b[0-9]{3}\\b", false), "\u00e9123\u00e9"))
                .isTrue();
    }

    @Test
    void patterns_with_a_boundary_or_a_long_count_are_read_more_strictly() {
        assertThat(BoundaryDfa.stricter(PASSPORT)).isTrue();
        assertThat(BoundaryDfa.stricter("x[a-z]{40}y")).isTrue();
        assertThat(BoundaryDfa.stricter("AKIA[A-Z0-9]{8}")).isFalse();
        assertThat(BoundaryDfa.stricter("a\\\\b{2}")).isFalse(); // an escaped backslash, then b: no boundary
    }

    /**
     * Unanchored, the DFA never says "no" where RE2J finds a match in the region (read as its whole input), for every
     * built-in detector it is made for, on corpus text, pack examples, the adversarial inputs and random text of the
     * chars the patterns use, cut into regions at random places; and it says "no" where {@link PatternDfa} says
     * "maybe" often enough that it is worth asking.
     */
    @Test
    void never_rules_out_a_region_where_re2j_finds_a_match() {
        List<String> texts = texts(11);
        Random random = new Random(5);
        int checked = 0;
        int stricter = 0;
        for (Detector detector : DetectorPacks.builtIn()) {
            BoundaryDfa dfa = BoundaryDfa.of(detector.pattern().pattern(), false);
            if (dfa == null) {
                continue;
            }
            PatternDfa loose = PatternDfa.of(detector.pattern().pattern());
            Pattern pattern = detector.pattern();
            for (String text : texts) {
                byte[] symbols = Symbols.of(text);
                for (int k = 0; k < 4; k++) {
                    int from = k == 0 ? 0 : random.nextInt(text.length() + 1);
                    int to = k == 0 ? text.length() : from + random.nextInt(text.length() - from + 1);
                    boolean found =
                            pattern.matcher(new Slice(text).set(from, to)).find();
                    boolean may = dfa.mayMatchIn(symbols, from, to);
                    if (found) {
                        assertThat(may)
                                .as("%s on [%d, %d) of %.80s", detector.id(), from, to, text)
                                .isTrue();
                        checked++;
                    } else if (!may && loose != null && loose.mayMatch(text, from, to)) {
                        stricter++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
        assertThat(stricter).isGreaterThan(200);
    }

    /**
     * Anchored, the DFA never says "no" at a place where RE2J's anchored try (one char of context before it, as the
     * engine tries; none at the start of the text) finds a match, for every built-in detector it is made for.
     */
    @Test
    void anchored_never_rules_out_a_place_where_an_anchored_try_matches() {
        List<String> texts = texts(13);
        int checked = 0;
        int stricter = 0;
        for (Detector detector : DetectorPacks.builtIn()) {
            BoundaryDfa dfa = BoundaryDfa.of(detector.pattern().pattern(), true);
            if (dfa == null) {
                continue;
            }
            PatternDfa loose = PatternDfa.of(detector.pattern().pattern(), true);
            Pattern withContext = Pattern.compile(
                    "\\A(?s:.)(?:" + detector.pattern().pattern() + ")",
                    detector.pattern().flags());
            Pattern atStart = Pattern.compile(
                    "\\A(?:" + detector.pattern().pattern() + ")",
                    detector.pattern().flags());
            for (String text : texts) {
                byte[] symbols = Symbols.of(text);
                for (int h = 0; h < text.length(); h++) {
                    if ((symbols[h] & 0xFF) == Symbols.SKIP
                            || (h > 0 && (Character.isLetterOrDigit(text.charAt(h)) ? h % 2 != 0 : h % 5 != 0))) {
                        continue; // tries start at keywords and start classes: every other letter or digit, a few more
                    }
                    int to = Math.min(text.length(), h + 300);
                    Matcher matcher = h == 0
                            ? atStart.matcher(new Slice(text).set(0, to))
                            : withContext.matcher(new Slice(text).set(h - 1, to));
                    boolean found = matcher.lookingAt();
                    boolean may = dfa.mayMatchAt(symbols, h, to, h > 0 && StartClasses.isWordSymbol(symbols[h - 1]));
                    if (found) {
                        assertThat(may)
                                .as("%s at %d of %.80s", detector.id(), h, text)
                                .isTrue();
                        checked++;
                    } else if (!may && loose != null && loose.mayMatch(text, h, to)) {
                        stricter++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(200);
        assertThat(stricter).isGreaterThan(1000);
    }

    /** Many reads through one cache of states answer as a fresh DFA does. */
    @Test
    void answers_do_not_depend_on_what_was_read_before() {
        String text = AdversarialInputs.byName("keyword-mix").substring(0, 60_000);
        byte[] symbols = Symbols.of(text);
        Random random = new Random(3);
        for (Detector detector : DetectorPacks.builtIn()) {
            if (!BoundaryDfa.stricter(detector.pattern().pattern())) {
                continue;
            }
            BoundaryDfa used = BoundaryDfa.of(detector.pattern().pattern(), false);
            if (used == null) {
                continue;
            }
            for (int k = 0; k < 200; k++) {
                int from = random.nextInt(text.length());
                int to = Math.min(text.length(), from + random.nextInt(600));
                boolean first = used.mayMatchIn(symbols, from, to);
                BoundaryDfa fresh = BoundaryDfa.of(detector.pattern().pattern(), false);
                assertThat(fresh.mayMatchIn(symbols, from, to))
                        .as("%s on [%d, %d)", detector.id(), from, to)
                        .isEqualTo(first);
            }
        }
    }

    private static List<String> texts(long seed) {
        List<String> texts = new ArrayList<>();
        MixedCorpus.generate(seed, 8, 4096).forEach(d -> texts.add(d.text()));
        for (Detector detector : DetectorPacks.builtIn()) {
            texts.addAll(detector.positives());
            texts.addAll(detector.negatives());
        }
        for (Map.Entry<String, String> input : AdversarialInputs.all().entrySet()) {
            texts.add(input.getValue().substring(0, 4096));
        }
        Random random = new Random(seed);
        String alphabet = "aAkKsSzZ09 -_.:=/+\"'\n@~\u212A\u017F\u00e9\uD83D\uDE00";
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < 64; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        return texts;
    }

    private static boolean mayAt(BoundaryDfa dfa, String text, int at) {
        byte[] symbols = Symbols.of(text);
        return dfa.mayMatchAt(symbols, at, text.length(), at > 0 && StartClasses.isWordSymbol(symbols[at - 1]));
    }

    private static boolean mayIn(BoundaryDfa dfa, String text) {
        return dfa.mayMatchIn(Symbols.of(text), 0, text.length());
    }
}
