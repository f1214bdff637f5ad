package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.ledger.fixtures.ChainFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordStreamTest {
    @TempDir
    Path dir;

    @Test
    void stepsThroughRecordLinesOnlyAndNotesTheFirstCheckpointLine() throws IOException {
        List<String> lines = export(3);
        String checkpoint = lines.remove(lines.size() - 1);
        lines.add(2, checkpoint); // after the first record
        lines.add(4, "");
        lines.add(checkpoint);
        Path file = write(lines);
        long offset = Files.readString(file).indexOf(checkpoint);

        List<Long> seqs = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        List<Long> checkpointLines = new ArrayList<>();
        try (RecordStream records = new RecordStream(new ExportLines(file), checkpointLines::add)) {
            while (records.next()) {
                seqs.add(records.parser().entry().seq());
                numbers.add(records.line());
            }
        }
        assertThat(seqs).containsExactly(0L, 1L, 2L);
        assertThat(numbers).containsExactly(2L, 4L, 6L);
        assertThat(checkpointLines).containsExactly(offset);
    }

    @Test
    void aBadFieldIsReportedWithItsLine() throws IOException {
        List<String> lines = export(2);
        lines.set(2, lines.get(2).replace("\"seq\":1", "\"seq\":\"1\""));
        Path file = write(lines);
        try (RecordStream records = new RecordStream(new ExportLines(file), offset -> {})) {
            assertThat(records.next()).isTrue();
            assertThat(records.next()).isTrue();
            IllegalArgumentException bad = new IllegalArgumentException("field seq must be an integer");
            assertThatThrownBy(() -> records.parser().entry()).hasMessage(bad.getMessage());
            assertThat(records.badRecord(bad)).hasMessage("line 3: bad record: field seq must be an integer");
        }
    }

    /** The header, {@code count} records of one chain and its checkpoint, as lines. */
    private static List<String> export(int count) throws IOException {
        EvolvingKey key = EvolvingKey.genesis(new byte[32], ChainFixture.GENESIS_EPOCH);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompactRange range = new CompactRange();
        byte[] head = ChainMac.GENESIS_PREV_MAC.clone();
        try (ExportWriter writer = new ExportWriter(bytes, ExportHeader.of(ChainFixture.GENESIS_EPOCH, 3600))) {
            for (int i = 0; i < count; i++) {
                SealedRecord r =
                        SealedRecord.seal(key, "audit", i, i, Instant.ofEpochSecond(i), "{\"n\":" + i + "}", head);
                writer.writeRecord(r);
                range.appendLeafData(r.mac());
                head = r.mac();
            }
            writer.writeCheckpoint(Checkpoint.unsigned(
                    "audit", count, range.root(), count - 1, head, key.epoch(), Instant.ofEpochSecond(99)));
        }
        return new ArrayList<>(bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private Path write(List<String> lines) throws IOException {
        Path file = dir.resolve("export.ndjson");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }
}
