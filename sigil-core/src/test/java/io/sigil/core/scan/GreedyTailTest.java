package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.sigil.core.scan.bench.AdversarialInputs;
import io.sigil.core.scan.bench.MixedCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GreedyTailTest {

    /** Pieces of generated text: the password pattern's keywords, separators, value chars and non-ASCII. */
    private static final String[] PIECES = {
        "password",
        "PassWord",
        "passwd",
        "pwd",
        "passphrase",
        "pasſword",
        "DB_",
        "_old",
        "-x",
        " is ",
        " was ",
        "is",
        "=",
        ":",
        ":=",
        "=>",
        " ",
        "  ",
        "\t",
        "\n",
        "\"",
        "'",
        "`",
        ".",
        "..",
        ",",
        ";",
        "<",
        ">",
        "a",
        "Z9",
        "Tiger0433@",
        "wj5K48Zx^SRS3kxV",
        "é",
        "\uD83D\uDE00",
        "\uD83D",
        "\uDE00",
        "x.y",
        "my ",
        "new ",
        "for db",
        "0123456789abcdef",
        "........",
        "password="
    };

    @Test
    void only_alternatives_ending_with_their_only_group_a_run_closed_by_a_class_get_one() {
        assertThat(GreedyTail.of(Pattern.compile("key=([^\\s\"']{7,127}[^\\s\"'.])")))
                .isNotNull();
        assertThat(GreedyTail.of(Pattern.compile("a([^\\s]{2,9}[^\\s.])|b([^\\s]{2,9}[^\\s.])")))
                .isNotNull();
        assertThat(GreedyTail.of(Pattern.compile("a([^\\s]{2,9}[^\\s.])|b([^\\s]{2,8}[^\\s.])")))
                .isNull(); // different runs
        assertThat(GreedyTail.of(Pattern.compile("a([^\\s]{2,9}[^\\s.]);"))).isNull(); // chars after the group
        assertThat(GreedyTail.of(Pattern.compile("(a)([^\\s]{2,9}[^\\s.])"))).isNull(); // two groups
        assertThat(GreedyTail.of(Pattern.compile("a([^\\s]{2,9}?[^\\s.])"))).isNull(); // already lazy
        assertThat(GreedyTail.of(Pattern.compile("a([a-z]{2,9}[^\\s.])"))).isNull(); // letters: folding could matter
        assertThat(GreedyTail.of(Pattern.compile("a([^\\s]{2,9}[^\\s.])|b"))).isNull();
        assertThat(GreedyTail.of(Pattern.compile("a\\([^\\s]{2,9}[^\\s.]\\)"))).isNull(); // escaped parens
    }

    @Test
    void the_greedy_end_counts_code_points_and_backs_off_to_a_closing_char() {
        GreedyTail tail = GreedyTail.of(Pattern.compile("k=([^\\s\"']{3,5}[^\\s\"'.])"));
        assertThat(tail.end("k=abcdefghij", 2, 12)).isEqualTo(8); // 6 chars at most
        assertThat(tail.end("k=abc.. x", 2, 9)).isEqualTo(-1); // the run cannot close on a dot
        assertThat(tail.end("k=abcd.. x", 2, 10)).isEqualTo(6);
        assertThat(tail.end("k=ab\uD83D\uDE00cdef", 2, 11)).isEqualTo(9); // the pair is one code point
        assertThat(tail.end("k=abcdefghij", 2, 7)).isEqualTo(7); // not past the region's end
    }

    /**
     * For every built-in detector that gets one, at places of generated text, of the password flood and of the
     * mixed corpus: the lazy copy's anchored try, closed by {@link GreedyTail#end}, gives RE2J's match and group.
     */
    @Test
    void anchored_tries_give_what_re2j_gives_for_every_built_in_detector_that_gets_one() {
        Random random = new Random(11);
        List<String> sources = new ArrayList<>();
        sources.add(AdversarialInputs.byName("password-flood").substring(0, 20_000));
        sources.add(MixedCorpus.generate(3, 1, 200_000).get(0).text());
        int detectors = 0;
        long matches = 0;
        long compared = 0;
        for (Detector detector : DetectorPacks.builtIn()) {
            Pattern pattern = detector.pattern();
            GreedyTail tail = GreedyTail.of(pattern);
            if (tail == null) {
                continue;
            }
            detectors++;
            Pattern original = Pattern.compile("\\A(?s:.)(?:" + pattern.pattern() + ")", pattern.flags());
            Pattern lazy = Pattern.compile(
                    "\\A(?s:.)(?:" + tail.lazy().pattern() + ")", tail.lazy().flags());
            Pattern originalAtStart = Pattern.compile("\\A(?:" + pattern.pattern() + ")", pattern.flags());
            Pattern lazyAtStart = Pattern.compile(
                    "\\A(?:" + tail.lazy().pattern() + ")", tail.lazy().flags());
            for (int round = 0; round < 20_000; round++) {
                String text;
                if (round % 4 == 3) {
                    String source = sources.get(random.nextInt(sources.size()));
                    int at = random.nextInt(source.length() - 400);
                    text = source.substring(at, at + 1 + random.nextInt(399));
                } else {
                    StringBuilder out = new StringBuilder();
                    int pieces = 1 + random.nextInt(12);
                    for (int k = 0; k < pieces; k++) {
                        out.append(PIECES[random.nextInt(PIECES.length)]);
                    }
                    text = out.toString();
                }
                int h = random.nextInt(text.length());
                // Mostly at a keyword's first char, where the engine tries it.
                int keyword = text.toLowerCase(java.util.Locale.ROOT).indexOf('p', h);
                if (keyword >= 0 && random.nextInt(5) > 0) {
                    h = keyword;
                }
                int to = h + 1 + random.nextInt(text.length() - h);
                int from = h == 0 ? 0 : h - 1;
                Slice slice = new Slice(text).set(from, to);
                Matcher expected = (h == 0 ? originalAtStart : original).matcher(slice);
                Matcher actual = (h == 0 ? lazyAtStart : lazy).matcher(new Slice(text).set(from, to));
                String where = detector.id() + " at " + h + " to " + to + " in " + text;
                compared++;
                boolean found = expected.lookingAt();
                assertThat(actual.lookingAt()).as(where).isEqualTo(found);
                if (!found) {
                    continue;
                }
                matches++;
                int group = firstGroup(expected);
                assertThat(firstGroup(actual)).as(where).isEqualTo(group);
                assertThat(actual.start(group)).as(where).isEqualTo(expected.start(group));
                assertThat(expected.end(group)).as(where).isEqualTo(expected.end());
                int start = from + actual.start(group);
                assertThat(tail.end(text, start, to)).as(where).isEqualTo(from + expected.end());
            }
        }
        assertThat(detectors).isGreaterThanOrEqualTo(1);
        assertThat(compared).isGreaterThan(5_000);
        assertThat(matches).as("the generated texts hold matches").isGreaterThan(500);
    }

    @Test
    void the_generic_password_detector_gets_one() {
        Detector password = DetectorPacks.builtIn().stream()
                .filter(d -> d.id().equals("generic-password"))
                .findFirst()
                .orElseThrow();
        assertThat(GreedyTail.of(password.pattern())).isNotNull();
    }

    private static int firstGroup(Matcher matcher) {
        for (int g = 1; g <= matcher.groupCount(); g++) {
            if (matcher.start(g) >= 0) {
                return g;
            }
        }
        return 0;
    }
}
