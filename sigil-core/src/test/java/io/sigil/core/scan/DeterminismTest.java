package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's answer must depend on the input and the detectors only: a wall-clock budget once made the
 * accuracy corpus flaky under load. This keeps clocks out of the scanner's sources.
 */
class DeterminismTest {

    private static final List<String> CLOCKS =
            List.of("System.nanoTime", "System.currentTimeMillis", "java.time.Clock", "Instant.now", "Thread.sleep");

    @Test
    void no_scanner_source_reads_a_clock() throws IOException {
        Path sources = Path.of("src/main/java/io/sigil/core/scan");
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (String clock : CLOCKS) {
                    assertThat(source)
                            .as("%s uses %s", file.getFileName(), clock)
                            .doesNotContain(clock);
                }
            }
        }
    }
}
