package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in packs on three probes written blind ({@code scan-probe/blind-probe*.tsv}, each made by its generator
 * next to it): fakes in traffic-like contexts by sessions that never read the packs, the corpus or the engine. Every
 * hard negative must stay clean, and every positive must be found under its category except the known misses (by
 * line number, see docs/scanner-accuracy.md), so that a change which loses one fails.
 */
class BlindProbeTest {

    private static final ScanEngine ENGINE = ScanEngine.builtIn();

    private record Case(int line, String label, String text) {}

    static Stream<Arguments> probes() {
        return Stream.of(
                Arguments.of("blind-probe.tsv", 287, 77, Set.of(248)),
                Arguments.of("blind-probe-2.tsv", 235, 77, Set.of(7, 35, 37, 50, 57, 76, 95, 229)),
                Arguments.of(
                        "blind-probe-3.tsv",
                        260,
                        76,
                        Set.of(12, 16, 24, 44, 48, 64, 86, 98, 118, 124, 133, 136, 149, 218)));
    }

    @ParameterizedTest
    @MethodSource("probes")
    void no_hard_negative_of_a_blind_probe_is_reported(String file, int positives, int negatives, Set<Integer> misses)
            throws IOException {
        // Given
        List<Case> cases =
                cases(file).stream().filter(c -> c.label().equals("NEG")).toList();

        // When
        List<String> reported = cases.stream()
                .filter(c -> !ENGINE.findings(c.text()).isEmpty())
                .map(c -> c.line() + ": " + c.text() + " => " + ENGINE.findings(c.text()))
                .toList();

        // Then
        assertThat(cases).hasSize(negatives);
        assertThat(reported).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("probes")
    void every_positive_of_a_blind_probe_is_found_under_its_category_but_the_known_misses(
            String file, int positives, int negatives, Set<Integer> misses) throws IOException {
        // Given
        List<Case> cases =
                cases(file).stream().filter(c -> !c.label().equals("NEG")).toList();

        // When
        List<Integer> missed = new ArrayList<>();
        for (Case c : cases) {
            if (ENGINE.findings(c.text()).stream().noneMatch(f -> f.category().equals(c.label()))) {
                missed.add(c.line());
            }
        }

        // Then
        assertThat(cases).hasSize(positives);
        assertThat(missed).containsExactlyInAnyOrderElementsOf(misses);
    }

    private static List<Case> cases(String file) throws IOException {
        try (InputStream in = BlindProbeTest.class.getResourceAsStream("/scan-probe/" + file)) {
            assertThat(in).as("scan-probe/%s on the test class path", file).isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Case> out = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                int tab = lines[i].indexOf('\t');
                out.add(new Case(
                        i + 1,
                        lines[i].substring(0, tab),
                        lines[i].substring(tab + 1).replace("\\n", "\n")));
            }
            return out;
        }
    }
}
