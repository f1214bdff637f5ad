package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.core.scan.bench.AdversarialInputs;
import io.sigil.core.scan.bench.MixedCorpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scanner on inputs built to hurt it: keyword floods, digit runs, {@code a=}, base64-ish noise. Work is
 * asserted in budget units, never in time: the time is measured by the JMH benchmark ({@code ScannerBench}).
 */
class AdversarialInputTest {

    private static final ScanEngine ENGINE = ScanEngine.builtIn();

    @Test
    void the_work_of_every_adversarial_scan_stays_within_its_linear_bound() {
        for (String input : inputs()) {
            // When
            ScanResult result = ENGINE.scanResult(input);

            // Then the pattern work never passes BASE + PER_CHAR x length, whatever the input
            assertThat(result.work())
                    .as("work on %s...", label(input))
                    .isLessThanOrEqualTo(ScanBudget.limit(input.length()));
        }
    }

    @Test
    void ten_times_the_input_costs_at_most_ten_times_the_work() {
        for (String input : inputs()) {
            // Given the first 100 KB and the whole 1 MB of the same adversarial input
            String tenth = input.substring(0, input.length() / 10);

            // When
            long small = ENGINE.scanResult(tenth).work();
            long large = ENGINE.scanResult(input).work();

            // Then the work is linear (counted, so no machine load can make this flaky); a quadratic scan would
            // spend a hundred times as much
            System.out.printf("adversarial %s...: work 100 KB %,d, 1 MB %,d%n", label(input), small, large);
            assertThat(large).as("1 MB of %s...", label(input)).isLessThanOrEqualTo(10 * small + ScanBudget.BASE);
        }
    }

    @Test
    void the_same_input_always_gets_the_same_answer() {
        for (String input : inputs()) {
            // When scanned twice
            ScanResult first = ENGINE.scanResult(input);
            ScanResult second = ENGINE.scanResult(input);

            // Then nothing depends on timing: the same findings, truncation and work
            assertThat(second).as("%s...", label(input)).isEqualTo(first);
        }
    }

    @Test
    void a_scan_cut_short_by_a_budget_says_so_and_fails_closed() {
        int truncated = 0;
        for (String input : inputs()) {
            // When
            ScanResult result = ENGINE.scanResult(input);

            // Then a truncated scan carries a finding over the whole text, so callers that only read findings
            // refuse it too; a complete one carries none
            boolean marked = result.findings().stream()
                    .anyMatch(f -> f.detectorId().equals(ScanEngine.INCOMPLETE_ID)
                            && f.start() == 0
                            && f.end() == input.length());
            assertThat(marked).as("%s...", label(input)).isEqualTo(result.truncated());
            truncated += result.truncated() ? 1 : 0;
        }
        // and the budget really is reached by some of these inputs, so the check above is not vacuous
        assertThat(truncated).isPositive();
    }

    @Test
    void a_secret_at_the_end_of_a_flood_is_found_or_the_scan_is_marked_truncated() {
        String key = "AKIAQ7XJ2MPL5RSTVWZ3";
        for (String flood : inputs()) {
            // Given a flood with a real-looking key at its end
            String input = flood + "\naws_access_key_id = " + key + "\n";

            // When
            ScanResult result = ENGINE.scanResult(input);

            // Then it is never silently missed
            boolean found =
                    result.findings().stream().anyMatch(f -> f.detectorId().equals("aws-access-key-id"));
            assertThat(found || result.truncated()).as("%s...", label(flood)).isTrue();
        }
    }

    @Test
    void ordinary_text_is_never_truncated_and_uses_a_fraction_of_the_budget() {
        // Given a megabyte and many 10 KiB messages of mixed code, logs, JSON and prose with planted secrets
        List<MixedCorpus.Document> documents = new ArrayList<>(MixedCorpus.generate(7, 1, 1 << 20));
        documents.addAll(MixedCorpus.generate(8, 50, 10 * 1024));

        for (MixedCorpus.Document document : documents) {
            // When
            ScanResult result = ENGINE.scanResult(document.text());

            // Then it is complete, with room to spare, and every planted secret is found
            assertThat(result.truncated()).as(document.name()).isFalse();
            assertThat(result.work())
                    .isLessThan(ScanBudget.limit(document.text().length()) / 2);
            for (MixedCorpus.Planted planted : document.planted()) {
                assertThat(result.findings())
                        .as("%s in %s", planted.kind(), document.name())
                        .anyMatch(f -> f.start() < planted.end() && planted.start() < f.end());
            }
        }
    }

    private static String label(String input) {
        return input.substring(0, 12).replace("\n", " ");
    }

    static List<String> inputs() {
        return List.copyOf(AdversarialInputs.all().values());
    }
}
