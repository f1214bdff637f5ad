package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportLinesTest {
    @TempDir
    Path dir;

    @Test
    void linesStraddlingBlocksComeOutWhole() throws IOException {
        Random random = new Random(5);
        for (int round = 0; round < 50; round++) {
            List<String> written = new ArrayList<>();
            StringBuilder file = new StringBuilder();
            int count = random.nextInt(30);
            for (int i = 0; i < count; i++) {
                String line = "x".repeat(random.nextInt(40)) + (random.nextBoolean() ? "\r" : "");
                written.add(line);
                file.append(line).append('\n');
            }
            if (random.nextBoolean() && count > 0) {
                file.setLength(file.length() - 1); // no newline after the last line
            }
            Path path = dir.resolve("lines" + round);
            Files.writeString(path, file, StandardCharsets.UTF_8);
            int block = 1 + random.nextInt(24);
            assertThat(read(path, 100, block)).as("block " + block).isEqualTo(written);
        }
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithItsNumber() throws IOException {
        Path path = dir.resolve("long");
        Files.writeString(path, "short\n" + "y".repeat(50) + "\nshort\n");
        assertThat(read(path, 50, 8)).hasSize(3);
        assertThatThrownBy(() -> read(path, 49, 8))
                .isInstanceOf(ExportFormatException.class)
                .hasMessage("line 2: line longer than 49 bytes");
        Files.writeString(path, "short\n" + "y".repeat(50));
        assertThatThrownBy(() -> read(path, 49, 64)).hasMessage("line 2: line longer than 49 bytes");
    }

    private static List<String> read(Path path, int maxLine, int block) throws IOException {
        List<String> lines = new ArrayList<>();
        try (ExportLines reader = new ExportLines(path, maxLine, block)) {
            while (reader.next()) {
                assertThat(reader.number()).isEqualTo(lines.size() + 1);
                lines.add(new String(
                        reader.buffer(), reader.start(), reader.end() - reader.start(), StandardCharsets.UTF_8));
            }
        }
        return lines;
    }
}
