package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scanner on inputs built to hurt it: keyword floods, digit runs, {@code a=}, base64-ish noise. */
class AdversarialInputTest {

    private static final ScanEngine ENGINE = ScanEngine.builtIn();

    @Test
    void scan_time_grows_linearly_with_adversarial_input() {
        for (String input : inputs()) {
            // Given the first 100 KB and the whole 1 MB of the same adversarial input, after warm-up
            String tenth = input.substring(0, input.length() / 10);
            for (int round = 0; round < 3; round++) {
                ENGINE.findings(tenth);
            }

            // When
            long small = bestOfThree(tenth);
            long large = bestOfThree(input);

            // Then ten times the input costs about ten times the time (30x allows for GC and cache effects),
            // never the hundred times a quadratic scan would
            System.out.printf(
                    "adversarial %s...: 100 KB %d ms, 1 MB %d ms%n",
                    label(input), small / 1_000_000, large / 1_000_000);
            assertThat(large).as("1 MB of %s...", label(input)).isLessThan(Math.max(30 * small, 30_000_000L));
        }
    }

    private static long bestOfThree(String input) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long started = System.nanoTime();
            ENGINE.findings(input);
            best = Math.min(best, System.nanoTime() - started);
        }
        return best;
    }

    private static String label(String input) {
        return input.substring(0, 12).replace("\n", " ");
    }

    static List<String> inputs() {
        Random random = new Random(1);
        List<String> keywords = new ArrayList<>();
        ENGINE.detectors().forEach(d -> keywords.addAll(d.keywords()));
        StringBuilder mix = new StringBuilder();
        while (mix.length() < 1_000_000) {
            mix.append(keywords.get(random.nextInt(keywords.size())));
            if (random.nextInt(3) == 0) {
                mix.append(random.nextInt(1_000_000));
            }
            mix.append(random.nextBoolean() ? "a=" : "+/");
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-";
        StringBuilder base64ish = new StringBuilder();
        StringBuilder digits = new StringBuilder();
        while (base64ish.length() < 1_000_000) {
            base64ish.append(alphabet.charAt(random.nextInt(alphabet.length())));
            if (random.nextInt(60) == 0) {
                base64ish.append(' ');
            }
        }
        while (digits.length() < 1_000_000) {
            digits.append(random.nextInt(10));
            if (random.nextInt(5) == 0) {
                digits.append(random.nextBoolean() ? ' ' : '-');
            }
        }
        return List.of(
                "a".repeat(1_000_000),
                "AKIA".repeat(250_000),
                "@".repeat(1_000_000),
                "1 ".repeat(500_000),
                "-----BEGIN PRIVATE KEY-----".repeat(37_000),
                "&#".repeat(500_000),
                "QUtJQUFBQUFBQUFB ".repeat(58_824),
                "a=".repeat(500_000),
                "password=".repeat(111_112),
                mix.substring(0, 1_000_000),
                base64ish.substring(0, 1_000_000),
                digits.substring(0, 1_000_000));
    }
}
