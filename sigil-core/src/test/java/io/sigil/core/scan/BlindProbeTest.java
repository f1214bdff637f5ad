package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The built-in packs on a probe written blind ({@code scan-probe/blind-probe.tsv}, made by {@code
 * generate_blind_probe.py}): 364 fakes in traffic-like contexts by a session that never read the packs, the
 * corpus or the engine. Every hard negative must stay clean, and every positive must be found under its
 * category except the misses listed here, so that a change which loses one fails.
 */
class BlindProbeTest {

    private static final ScanEngine ENGINE = ScanEngine.builtIn();

    /** Known misses, by text prefix: the value before the word (see docs/scanner-accuracy.md). */
    private static final Set<String> KNOWN_MISSES = Set.of("Tomasz: qualcuno può controllare? ho usato");

    private record Case(String label, String text) {}

    @Test
    void no_hard_negative_of_the_blind_probe_is_reported() throws IOException {
        // Given
        List<Case> negatives =
                cases().stream().filter(c -> c.label().equals("NEG")).toList();

        // When
        List<String> reported = negatives.stream()
                .filter(c -> !ENGINE.findings(c.text()).isEmpty())
                .map(c -> c.text() + " => " + ENGINE.findings(c.text()))
                .toList();

        // Then
        assertThat(negatives).hasSize(77);
        assertThat(reported).isEmpty();
    }

    @Test
    void every_positive_of_the_blind_probe_is_found_under_its_category_but_the_known_misses() throws IOException {
        // Given
        List<Case> positives =
                cases().stream().filter(c -> !c.label().equals("NEG")).toList();

        // When
        List<String> missed = new ArrayList<>();
        for (Case c : positives) {
            boolean found = ENGINE.findings(c.text()).stream()
                    .anyMatch(f -> f.category().equals(c.label()));
            if (!found) {
                missed.add(c.text());
            }
        }

        // Then
        assertThat(positives).hasSize(287);
        assertThat(missed)
                .allSatisfy(text -> assertThat(KNOWN_MISSES).anyMatch(text::startsWith))
                .hasSize(KNOWN_MISSES.size());
    }

    private static List<Case> cases() throws IOException {
        try (InputStream in = BlindProbeTest.class.getResourceAsStream("/scan-probe/blind-probe.tsv")) {
            assertThat(in)
                    .as("scan-probe/blind-probe.tsv on the test class path")
                    .isNotNull();
            List<Case> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                out.add(new Case(line.substring(0, tab), line.substring(tab + 1).replace("\\n", "\n")));
            }
            return out;
        }
    }
}
