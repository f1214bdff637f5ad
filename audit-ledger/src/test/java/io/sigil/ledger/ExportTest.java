package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.ledger.fixtures.ChainFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
    private static final String HEADER =
            "{\"type\":\"sigil-audit-export\",\"version\":1,\"genesis_epoch\":1000,\"epoch_seconds\":3600}\n";

    @TempDir
    Path dir;

    @Test
    void writesTheDocumentedLineShapes() throws IOException {
        ChainFixture a = ChainFixture.build("audit", 3, 2, 1, 1);
        StringWriter text = new StringWriter();
        try (ExportWriter writer = new ExportWriter(text, ExportHeader.of(1000, 3600))) {
            a.records.forEach(r -> write(writer, r));
            writer.writeCheckpoint(a.checkpoint(3));
        }
        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0])
                .isEqualTo("{\"type\":\"sigil-audit-export\",\"version\":1,\"genesis_epoch\":1000,"
                        + "\"epoch_seconds\":3600}");
        assertThat(lines[1]).startsWith("{\"type\":\"record\",\"chain\":\"audit\",\"seq\":0,");
        assertThat(lines[4]).startsWith("{\"type\":\"checkpoint\",\"chain\":\"audit\",\"tree_size\":3,");
    }

    @Test
    void readerGroupsInterleavedChainsAndKeepsTheLatestCheckpoint() throws IOException {
        ChainFixture a = ChainFixture.build("audit", 30, 4, 1, 2);
        ChainFixture b = ChainFixture.build("tenant-b", 20, 3, 2, 3);
        Path file = dir.resolve("export.ndjson");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ExportWriter writer = new ExportWriter(bytes, ExportHeader.of(ChainFixture.GENESIS_EPOCH, 3600))) {
            for (int i = 0; i < 30; i++) {
                writer.writeRecord(a.records.get(i));
                if (i < 20) {
                    writer.writeRecord(b.records.get(i));
                }
            }
            writer.writeCheckpoint(a.checkpoint(10));
            writer.writeCheckpoint(a.checkpoint(30));
            writer.writeCheckpoint(b.checkpoint(20));
            writer.writeCheckpoint(a.checkpoint(20));
        }
        Files.write(file, bytes.toByteArray());

        ExportReader reader = ExportReader.open(file);
        assertThat(reader.header()).isEqualTo(new ExportHeader(1, ChainFixture.GENESIS_EPOCH, 3600));
        assertThat(reader.checkpoints()).containsOnlyKeys("audit", "tenant-b");
        assertThat(reader.checkpoints().get("audit")).isEqualTo(a.checkpoint(30));
        Map<String, List<SealedRecord>> chains = reader.readChains();
        assertThat(chains.keySet()).containsExactly("audit", "tenant-b");
        assertThat(chains.get("audit")).isEqualTo(a.records);
        assertThat(chains.get("tenant-b")).isEqualTo(b.records);

        List<Long> streamed = new ArrayList<>();
        reader.forEachRecord(r -> streamed.add(r.seq()));
        assertThat(streamed).hasSize(50);
    }

    @Test
    void recordsMayNotFollowCheckpoints() throws IOException {
        ChainFixture a = ChainFixture.build("audit", 2, 2, 1, 4);
        ExportWriter writer = new ExportWriter(new StringWriter(), ExportHeader.of(0, 60));
        writer.writeCheckpoint(a.checkpoint(2));
        assertThatThrownBy(() -> writer.writeRecord(a.records.get(0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void malformedFilesNameTheLine() throws IOException {
        assertThatThrownBy(() -> ExportReader.open(write("")))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> ExportReader.open(write("{\"type\":\"something-else\"}\n")))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> ExportReader.open(write(
                        "{\"type\":\"sigil-audit-export\",\"version\":2,\"genesis_epoch\":0,\"epoch_seconds\":1}")))
                .hasMessageContaining("version");
        String header = "{\"type\":\"sigil-audit-export\",\"version\":1,\"genesis_epoch\":0,\"epoch_seconds\":1}\n";
        assertThatThrownBy(() -> ExportReader.open(write(header + "\nnot json\n")))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> ExportReader.open(write(header + "{\"type\":\"gossip\"}\n")))
                .hasMessageContaining("line 2");
        ExportReader truncatedRecord = ExportReader.open(write(header + "{\"type\":\"record\",\"chain\":\"a\"}\n"));
        assertThatThrownBy(() -> truncatedRecord.forEachRecord(r -> {}))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("seq");
    }

    @Test
    void recordLinesAreReadByFieldNameNotByLayout() throws IOException {
        ChainFixture a = ChainFixture.build("audit", 2, 2, 1, 5);
        ObjectNode json = LedgerJson.toJson(a.records.get(1));
        ObjectNode reordered = JsonNodeFactory.instance.objectNode();
        reordered.put("note", "unknown fields are ignored").putObject("extra").put("nested", true);
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        for (int i = names.size() - 1; i >= 0; i--) {
            reordered.set(names.get(i), json.get(names.get(i)));
        }
        reordered.put("type", "record");
        String spaced = new ObjectMapper()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(reordered)
                .replace("\n", " ");
        ExportReader reader = ExportReader.open(write(HEADER + spaced + "\n"));
        assertThat(reader.readChains().get("audit")).containsExactly(a.records.get(1));
    }

    @Test
    void badRecordFieldsAreNamed() throws IOException {
        ObjectNode json = LedgerJson.toJson(
                ChainFixture.build("audit", 1, 1, 1, 6).records.get(0));
        json.put("type", "record");
        String[][] cases = {
            {"seq", "\"7\"", "seq must be an integer"},
            {"seq", "1.5", "seq must be an integer"},
            {"epoch", "null", "missing field epoch"},
            {"chain", "7", "chain must be a string"},
            {"mac", "\"zz\"", "mac"},
            {"sealed_at", "\"noon\"", "sealed_at"},
        };
        for (String[] c : cases) {
            ObjectNode broken = json.deepCopy();
            broken.set(c[0], new ObjectMapper().readTree(c[1]));
            ExportReader reader = ExportReader.open(write(HEADER + broken + "\n"));
            assertThatThrownBy(() -> reader.forEachRecord(r -> {}))
                    .as(c[0] + "=" + c[1])
                    .isInstanceOf(ExportFormatException.class)
                    .hasMessageContaining("line 2")
                    .hasMessageContaining(c[2]);
        }
        assertThatThrownBy(() -> ExportReader.open(write(HEADER + "{\"type\":\"record\"}\n[1]\n")))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("line 3");
        // A line that looks like a record to the quick pass but is not one object fails in the streaming pass.
        ExportReader twoValues = ExportReader.open(write(HEADER + "{\"type\":\"record\"} [1]\n"));
        assertThatThrownBy(() -> twoValues.forEachRecord(r -> {})).isInstanceOf(ExportFormatException.class);
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "export", ".ndjson");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static void write(ExportWriter writer, SealedRecord r) {
        try {
            writer.writeRecord(r);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
