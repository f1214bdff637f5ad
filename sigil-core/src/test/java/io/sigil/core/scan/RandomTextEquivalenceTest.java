package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * On random text made of pack examples, keywords, digit groups, base64-ish runs and non-ASCII chars (surrogate
 * pairs, lone halves, fullwidth digits, invisible chars), the engine finds exactly what the reference sweep
 * finds, and never spends more: the shortcuts (DFA reads over {@link Symbols}, anchored DFAs at start places,
 * the match taken as value) change speed only.
 */
class RandomTextEquivalenceTest {

    private static final String[] NOISE = {
        " ",
        " ",
        "\n",
        "-",
        "_",
        "=",
        ":",
        "/",
        "+",
        "\"",
        "é",
        "\uD83D\uDE00",
        "\uDE00",
        "\uD83D",
        "\uFF11",
        "\u200B",
        "&amp;",
        "%41",
        "ß",
        "K",
        "\u212A"
    };

    @Test
    void random_text_with_non_ascii_gets_the_findings_of_the_sweep_and_no_more_work() {
        ScanEngine fast = ScanEngine.builtIn();
        ScanEngine sweep = new ScanEngine(DetectorPacks.builtIn(), false);
        List<String> examples = new ArrayList<>();
        List<String> keywords = new ArrayList<>();
        for (Detector detector : DetectorPacks.builtIn()) {
            examples.addAll(detector.positives());
            keywords.addAll(detector.keywords());
        }
        Random random = new Random(11);
        int findings = 0;
        for (int t = 0; t < 300; t++) {
            StringBuilder text = new StringBuilder();
            int length = 512 + random.nextInt(4096);
            while (text.length() < length) {
                switch (random.nextInt(6)) {
                    case 0 -> text.append(examples.get(random.nextInt(examples.size())));
                    case 1 -> text.append(keywords.get(random.nextInt(keywords.size())));
                    case 2 -> text.append(digits(random));
                    case 3 -> text.append(base64ish(random));
                    default -> text.append(NOISE[random.nextInt(NOISE.length)]);
                }
            }
            String input = text.toString();
            ScanResult expected = SweepEquivalence.assertSameAsSweep(fast, sweep, input);
            findings += expected.findings().size();
        }
        assertThat(findings).isGreaterThan(300);
    }

    private static String digits(Random random) {
        StringBuilder out = new StringBuilder();
        int groups = 1 + random.nextInt(5);
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                out.append(" -".charAt(random.nextInt(2)));
            }
            int n = 1 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                out.append((char) ('0' + random.nextInt(10)));
            }
        }
        return out.toString();
    }

    private static String base64ish(Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-";
        StringBuilder out = new StringBuilder();
        int n = 8 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
