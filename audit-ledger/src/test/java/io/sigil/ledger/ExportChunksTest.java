package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks hold whole lines, skip the header, and together hold every other byte of the file at its offset. */
class ExportChunksTest {
    @TempDir
    Path dir;

    @Test
    void chunksHoldWholeLinesAtTheirOffsetsWithALongLineGrowingItsChunk() throws IOException {
        for (boolean finalNewline : new boolean[] {true, false}) {
            byte[] file = lines(new Random(finalNewline ? 1 : 2), finalNewline);
            Path path = dir.resolve("export-" + finalNewline + ".ndjson");
            Files.write(path, file);
            int header = indexOf(file, (byte) '\n') + 1;
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            int chunks = 0;
            try (ExportChunks in = new ExportChunks(path)) {
                ExportChunk chunk = new ExportChunk();
                while (in.next(chunk)) {
                    chunks++;
                    long position = chunk.position + chunk.start;
                    assertThat(position).isEqualTo(header + joined.size());
                    byte[] held = Arrays.copyOfRange(chunk.bytes, chunk.start, chunk.end);
                    assertThat(Arrays.equals(file, (int) position, (int) position + held.length, held, 0, held.length))
                            .isTrue();
                    boolean atEnd = position + held.length == file.length;
                    if (held.length > 0 && !atEnd) {
                        assertThat(held[held.length - 1]).isEqualTo((byte) '\n');
                    }
                    if (held.length <= ExportChunk.SIZE) {
                        assertThat(chunk.bytes.length).isLessThanOrEqualTo(ExportChunk.SIZE);
                    }
                    joined.write(held);
                    chunk = chunks % 2 == 0 ? chunk : new ExportChunk(); // reused and fresh chunks alike
                }
            }
            assertThat(chunks).isGreaterThan(4);
            assertThat(joined.toByteArray()).isEqualTo(Arrays.copyOfRange(file, header, file.length));
        }
    }

    @Test
    void aLineOverTheLimitIsRefused() throws IOException {
        Path path = dir.resolve("long.ndjson");
        Files.writeString(
                path, "{\"header\":1}\n" + "x".repeat(3 * ExportChunk.SIZE) + "\n{}\n", StandardCharsets.UTF_8);
        try (ExportChunks in = new ExportChunks(path, ExportChunk.SIZE)) {
            ExportChunk chunk = new ExportChunk();
            assertThat(in.next(chunk)).isTrue(); // the header alone: its line end is the last one read
            assertThatThrownBy(() -> in.next(chunk))
                    .isInstanceOf(ExportFormatException.class)
                    .hasMessageContaining("line longer than");
        }
        try (ExportChunks in = new ExportChunks(path, 4 * ExportChunk.SIZE)) {
            ExportChunk chunk = new ExportChunk();
            assertThat(in.next(chunk)).isTrue();
            assertThat(in.next(chunk)).isTrue();
            assertThat(chunk.end - chunk.start).isGreaterThan(3 * ExportChunk.SIZE);
        }
    }

    /** A header, then lines of random lengths (one longer than two chunks), some blank. */
    private static byte[] lines(Random random, boolean finalNewline) {
        StringBuilder text = new StringBuilder("{\"type\":\"header\"}\n");
        for (int i = 0; i < 3000; i++) {
            int length = i == 1500 ? 2 * ExportChunk.SIZE + 17 : random.nextInt(i % 7 == 0 ? 3 : 2000);
            text.append(String.valueOf((char) ('a' + i % 26)).repeat(length)).append('\n');
        }
        if (!finalNewline) {
            text.append("last");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] b, byte value) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
