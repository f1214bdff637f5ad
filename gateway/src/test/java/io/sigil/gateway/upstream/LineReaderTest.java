package io.sigil.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    /** Hands out at most {@code chunk} bytes per read, as a pipe from a child may. */
    private static InputStream chunked(String text, int chunk) {
        ByteArrayInputStream all = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return new InputStream() {
            @Override
            public int read() {
                return all.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return all.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static List<String> lines(InputStream in, int maxBytes) throws IOException {
        LineReader reader = new LineReader(in, maxBytes);
        List<String> lines = new ArrayList<>();
        for (String line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }

    @Test
    void readsLinesWhateverTheChunksOfThePipe() throws IOException {
        String longLine = "x".repeat(20_000) + "é€😀";
        String text = "{\"a\":1}\r\n\nplain\n" + longLine + "\nlast without newline";
        for (int chunk : new int[] {1, 2, 3, 7, 100, 8191, 8192, 8193, 65536}) {
            assertThat(lines(chunked(text, chunk), 1 << 20))
                    .as("chunks of %d", chunk)
                    .containsExactly("{\"a\":1}", "", "plain", longLine, "last without newline");
        }
    }

    @Test
    void agreesWithSplittingOnNewlinesOnRandomText() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30_000);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(40);
                text.append(pick == 0 ? '\n' : pick == 1 ? 'ü' : (char) ('a' + pick % 26));
            }
            text.append('\n');
            List<String> expected = List.of(text.substring(0, text.length() - 1).split("\n", -1));
            assertThat(lines(chunked(text.toString(), 1 + random.nextInt(10_000)), 1 << 20))
                    .isEqualTo(expected);
        }
    }

    @Test
    void refusesALineLongerThanTheBoundEvenWhenItArrivesInPieces() {
        String text = "short\n" + "y".repeat(5_000) + "\n";
        assertThatThrownBy(() -> lines(chunked(text, 100), 4_096)).isInstanceOf(LineReader.LineTooLong.class);
        assertThatThrownBy(() -> lines(chunked(text, 65_536), 4_096)).isInstanceOf(LineReader.LineTooLong.class);
    }

    @Test
    void acceptsALineOfExactlyTheBound() throws IOException {
        String line = "z".repeat(4_096);
        assertThat(lines(chunked(line + "\n", 333), 4_096)).containsExactly(line);
        assertThat(lines(chunked(line + "\n", 65_536), 4_096)).containsExactly(line);
    }
}
