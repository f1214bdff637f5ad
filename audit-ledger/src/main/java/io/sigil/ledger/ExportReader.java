package io.sigil.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an NDJSON export from a file. Opening reads the header and the checkpoints (a pass over raw bytes that decodes
 * only non-record lines); {@link #forEachRecord} then streams the records in file order through a streaming parser
 * without holding them, so memory stays flat however large the export.
 */
public final class ExportReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory STREAMS = JSON.getFactory();
    private static final byte[] RECORD_PREFIX =
            ("{\"type\":\"" + ExportWriter.RECORD + "\"").getBytes(StandardCharsets.UTF_8);

    private final Path file;
    private final ExportHeader header;
    private final Map<String, Checkpoint> checkpoints;

    /** Receives records one by one. */
    @FunctionalInterface
    public interface RecordSink {
        void accept(SealedRecord record) throws IOException;
    }

    private ExportReader(Path file, ExportHeader header, Map<String, Checkpoint> checkpoints) {
        this.file = file;
        this.header = header;
        this.checkpoints = checkpoints;
    }

    public static ExportReader open(Path file) throws IOException {
        try (NdjsonLines lines = new NdjsonLines(Files.newInputStream(file))) {
            if (!lines.next()) {
                throw new ExportFormatException(1, "empty file, expected the export header", null);
            }
            ExportHeader header;
            try {
                header = ExportHeader.fromJson(parse(lines));
            } catch (IllegalArgumentException e) {
                throw new ExportFormatException(1, e.getMessage(), e);
            }
            Map<String, Checkpoint> latest = new LinkedHashMap<>();
            while (lines.next()) {
                // Record lines are checked by forEachRecord; here only the few others are decoded.
                if (lines.isBlank() || lines.startsWith(RECORD_PREFIX)) {
                    continue;
                }
                JsonNode json = parse(lines);
                if (ExportWriter.CHECKPOINT.equals(typeOf(lines.number(), json))) {
                    Checkpoint c = checkpoint(lines.number(), json);
                    Checkpoint seen = latest.get(c.chain());
                    if (seen == null || c.treeSize() >= seen.treeSize()) {
                        latest.put(c.chain(), c);
                    }
                }
            }
            return new ExportReader(file, header, Collections.unmodifiableMap(latest));
        }
    }

    public ExportHeader header() {
        return header;
    }

    /** The checkpoint with the largest tree per chain. */
    public Map<String, Checkpoint> checkpoints() {
        return checkpoints;
    }

    /** Streams every record in file order. */
    public void forEachRecord(RecordSink sink) throws IOException {
        RecordStreamParser fields = new RecordStreamParser();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                JsonParser p = STREAMS.createParser(in)) {
            p.nextToken();
            p.skipChildren(); // the header, read by open()
            long line = 1;
            try {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    line = p.currentTokenLocation().getLineNr();
                    if (t != JsonToken.START_OBJECT) {
                        throw new ExportFormatException(line, "expected a JSON object per line, found " + t, null);
                    }
                    String type = fields.readObject(p);
                    if (ExportWriter.RECORD.equals(type)) {
                        sink.accept(record(line, fields));
                    } else if (!ExportWriter.CHECKPOINT.equals(type)) {
                        throw new ExportFormatException(line, "unknown line type " + type, null);
                    }
                }
            } catch (JsonProcessingException e) {
                long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
                throw new ExportFormatException(at, "not JSON: " + e.getOriginalMessage(), e);
            }
        }
    }

    /** Loads all records, grouped per chain in first-seen order; for exports that fit in memory. */
    public Map<String, List<SealedRecord>> readChains() throws IOException {
        Map<String, List<SealedRecord>> chains = new LinkedHashMap<>();
        forEachRecord(
                r -> chains.computeIfAbsent(r.chain(), c -> new ArrayList<>()).add(r));
        return chains;
    }

    private static JsonNode parse(NdjsonLines lines) throws ExportFormatException {
        try {
            return JSON.readTree(lines.text());
        } catch (CharacterCodingException e) {
            throw new ExportFormatException(lines.number(), "not UTF-8", e);
        } catch (JsonProcessingException e) {
            throw new ExportFormatException(lines.number(), "not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String typeOf(long line, JsonNode json) throws ExportFormatException {
        String type = json.path("type").textValue();
        if (!ExportWriter.RECORD.equals(type) && !ExportWriter.CHECKPOINT.equals(type)) {
            throw new ExportFormatException(line, "unknown line type " + json.path("type"), null);
        }
        return type;
    }

    private static SealedRecord record(long line, RecordStreamParser fields) throws ExportFormatException {
        try {
            return fields.record();
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException(line, "bad record: " + e.getMessage(), e);
        }
    }

    private static Checkpoint checkpoint(long line, JsonNode json) throws ExportFormatException {
        try {
            return LedgerJson.checkpointFromJson(json);
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException(line, "bad checkpoint: " + e.getMessage(), e);
        }
    }
}
