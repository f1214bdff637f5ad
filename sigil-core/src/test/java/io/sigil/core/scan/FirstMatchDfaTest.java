package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.sigil.core.scan.bench.AdversarialInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FirstMatchDfaTest {

    /** Chars the generated texts are made of: the shapes' digits, separators, letters, and non-ASCII. */
    private static final String[] PIECES = {
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "0",
        "4",
        "7",
        "2",
        " ",
        "-",
        ".",
        "+",
        "A",
        "B",
        "U",
        "X",
        "Z",
        "a",
        "f",
        "s",
        "_",
        ",",
        "\n",
        "é",
        "\uD83D\uDE00",
        "\uDE00",
        "\u00A0",
        "7",
        "1",
        " "
    };

    @Test
    void only_bounded_word_edged_shapes_without_flags_get_one() {
        assertThat(FirstMatchDfa.of("\\b([0-9]{4}(?:[ \\-]?[0-9]{4}){3})\\b", 0))
                .isNotNull();
        assertThat(FirstMatchDfa.of("\\b(\\d{3}[ .\\-]?[A-Z]{2}|x)\\b", 0)).isNotNull();
        assertThat(FirstMatchDfa.of("(?i)\\b([a-z]{4})\\b", 0)).isNull(); // flags: (?i) folds non-ASCII chars too
        assertThat(FirstMatchDfa.of("\\b([a-z]{4})\\b", Pattern.CASE_INSENSITIVE))
                .isNull();
        assertThat(FirstMatchDfa.of("\\b([0-9]+)\\b", 0)).isNull(); // unbounded
        assertThat(FirstMatchDfa.of("\\b([0-9]{2,})\\b", 0)).isNull();
        assertThat(FirstMatchDfa.of("\\b([0-9]{2,4}?)\\b", 0)).isNull(); // lazy
        assertThat(FirstMatchDfa.of("\\b([0-9]{2}([a-z]))\\b", 0)).isNull(); // a group inside
        assertThat(FirstMatchDfa.of("\\b([^a-z]{4})\\b", 0)).isNull(); // negated class
        assertThat(FirstMatchDfa.of("\\b([0-9]{2}\\s[0-9])\\b", 0)).isNull();
        assertThat(FirstMatchDfa.of("\\b([0-9]{2}-)\\b", 0)).isNull(); // ends with a non-word char
        assertThat(FirstMatchDfa.of("\\b(-[0-9]{2})\\b", 0)).isNull(); // starts with one
        assertThat(FirstMatchDfa.of("\\b([0-9]?)\\b", 0)).isNull(); // matches the empty string
        assertThat(FirstMatchDfa.of("\\b(a)b(c)\\b", 0)).isNull();
        assertThat(FirstMatchDfa.of("x\\b([0-9]{4})\\b", 0)).isNull();
        assertThat(FirstMatchDfa.of("\\b([0-9]{4})\\b$", 0)).isNull();
        assertThat(FirstMatchDfa.of("\\b(a.b)\\b", 0)).isNull();
    }

    @Test
    void the_digit_detectors_and_most_token_shapes_get_one() {
        List<String> with = new ArrayList<>();
        for (Detector detector : DetectorPacks.builtIn()) {
            if (FirstMatchDfa.of(
                            detector.pattern().pattern(), detector.pattern().flags())
                    != null) {
                with.add(detector.id());
            }
        }
        assertThat(with).contains("payment-card", "fr-nir", "fi-hetu", "iban", "us-ssn", "github-token");
        assertThat(with.size()).isGreaterThan(30);
    }

    @Test
    void leftmost_first_as_re2j_on_hand_picked_cases() {
        FirstMatchDfa card = FirstMatchDfa.of(cardPattern(), 0);
        // The first alternative is preferred even where the second one would match too.
        assertFind(card, "x 1234 5678 9012 3456 y", 2, 21);
        // Greedy: the second optional group is taken when it fits, here the 19-digit form.
        assertFind(card, "1234-5678-9012-3456-789", 0, 23);
        // The trailing \b fails inside a longer run: the shorter alternatives are tried in order.
        assertFind(card, "1234 567890 12345", 0, 17);
        assertThat(card.find(Symbols.of("a1234567890123456"), 0, 17, 0)).isEqualTo(-1L); // no \b before
        assertThat(card.find(Symbols.of("123456789012345678901"), 0, 21, 0)).isEqualTo(-1L); // 21 digits
    }

    /**
     * For every built-in detector that gets one, on generated digit-shaped text, mutated examples, and the digit
     * noise input: the same matches as RE2J's {@code find} (from random starts, in random regions, in sequence)
     * and as its anchored try with one char of context.
     */
    @Test
    void finds_what_re2j_finds_for_every_built_in_detector_that_gets_one() {
        Random random = new Random(5);
        String noise = AdversarialInputs.byName("digits-separators");
        int detectors = 0;
        long matches = 0;
        long compared = 0;
        for (Detector detector : DetectorPacks.builtIn()) {
            Pattern pattern = detector.pattern();
            FirstMatchDfa dfa = FirstMatchDfa.of(pattern.pattern(), pattern.flags());
            if (dfa == null) {
                continue;
            }
            detectors++;
            Pattern anchored = Pattern.compile("\\A(?s:.)(?:" + pattern.pattern() + ")", pattern.flags());
            for (int round = 0; round < 300; round++) {
                String text =
                        switch (round % 3) {
                            case 0 -> generated(random, 40 + random.nextInt(200));
                            case 1 -> mutated(random, detector);
                            default -> {
                                int at = random.nextInt(noise.length() - 400);
                                yield noise.substring(at, at + 50 + random.nextInt(350));
                            }
                        };
                byte[] symbols = Symbols.of(text);
                int from = random.nextInt(4) == 0 ? random.nextInt(text.length() / 4 + 1) : 0;
                int to = random.nextInt(4) == 0 ? text.length() - random.nextInt(text.length() / 4 + 1) : text.length();
                Slice slice = new Slice(text).set(from, to);
                Matcher matcher = pattern.matcher(slice);
                int at = from + (random.nextBoolean() ? 0 : random.nextInt(to - from + 1));
                while (true) {
                    boolean found = matcher.find(at - from);
                    long exact = dfa.find(symbols, from, to, at);
                    compared++;
                    String where = detector.id() + " in [" + from + ", " + to + ") from " + at + " of " + text;
                    if (!found) {
                        assertThat(exact).as(where).isEqualTo(-1L);
                        break;
                    }
                    matches++;
                    assertThat(exact)
                            .as(where)
                            .isEqualTo((long) (from + matcher.start()) << 32 | (from + matcher.end()));
                    at = from + matcher.end();
                }
                // Anchored tries, as the engine makes them: one char of context before the place.
                for (int k = 0; k < 20; k++) {
                    int place = 1 + random.nextInt(text.length());
                    if (place >= text.length() || (symbols[place] & 0xFF) == Symbols.SKIP) {
                        continue;
                    }
                    int end = Math.min(text.length(), place + 1 + random.nextInt(40));
                    Matcher tried = anchored.matcher(new Slice(text).set(place - 1, end));
                    int expected = tried.lookingAt() ? place - 1 + tried.end() : -1;
                    assertThat(dfa.matchAt(symbols, place - 1, place, end))
                            .as(detector.id() + " anchored at " + place + " to " + end + " in " + text)
                            .isEqualTo(expected);
                    compared++;
                }
            }
        }
        assertThat(detectors).isGreaterThan(30);
        assertThat(compared).isGreaterThan(50_000);
        assertThat(matches).as("the generated texts hold matches").isGreaterThan(2_000);
    }

    private static void assertFind(FirstMatchDfa dfa, String text, int start, int end) {
        Matcher m = Pattern.compile(cardPattern()).matcher(text);
        assertThat(m.find()).isTrue();
        assertThat(m.start()).isEqualTo(start);
        assertThat(m.end()).isEqualTo(end);
        assertThat(dfa.find(Symbols.of(text), 0, text.length(), 0)).isEqualTo((long) start << 32 | end);
    }

    private static String cardPattern() {
        return DetectorPacks.builtIn().stream()
                .filter(d -> d.id().equals("payment-card"))
                .findFirst()
                .orElseThrow()
                .pattern()
                .pattern();
    }

    private static String generated(Random random, int length) {
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    /** A positive example (or, without one, generated text) with a few chars changed, inserted or removed. */
    private static String mutated(Random random, Detector detector) {
        List<String> examples = detector.positives();
        StringBuilder out = new StringBuilder(
                examples.isEmpty() ? generated(random, 30) : examples.get(random.nextInt(examples.size())));
        for (int edits = random.nextInt(4); edits > 0 && out.length() > 1; edits--) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.setCharAt(at, PIECES[random.nextInt(14)].charAt(0));
                case 1 -> out.insert(at, PIECES[random.nextInt(PIECES.length)]);
                default -> out.deleteCharAt(at);
            }
        }
        return generated(random, random.nextInt(6))
                + out
                + generated(random, random.nextInt(6))
                + (random.nextBoolean() ? " " + out : "");
    }
}
