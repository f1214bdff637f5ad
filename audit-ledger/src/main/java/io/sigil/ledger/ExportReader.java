package io.sigil.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads an NDJSON export from a file: one JSON object per line. Opening reads the header and the checkpoints (a pass
 * that decodes only non-record lines); {@link #forEachRecord} then streams the records in file order through a
 * byte-level parser without holding them, so memory stays flat however large the export.
 */
public final class ExportReader {
    // The few lines read through Jackson get the same strictness as the record parser: one value, no repeated names.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final byte[] RECORD_PREFIX =
            ("{\"type\":\"" + ExportWriter.RECORD + "\"").getBytes(StandardCharsets.UTF_8);

    private final Path file;
    private final ExportHeader header;
    private Map<String, Checkpoint> checkpoints; // guarded by this; null until read

    /** Receives records one by one. */
    @FunctionalInterface
    public interface RecordSink {
        void accept(SealedRecord record) throws IOException;
    }

    /** Receives the verifier's view of records one by one. */
    @FunctionalInterface
    interface EntrySink {
        void accept(ChainEntry entry) throws IOException;
    }

    private ExportReader(Path file, ExportHeader header) {
        this.file = file;
        this.header = header;
    }

    public static ExportReader open(Path file) throws IOException {
        ExportReader reader = openLazily(file);
        reader.checkpoints();
        return reader;
    }

    /**
     * Reads only the header; the pass for the checkpoints waits for the first {@link #checkpoints()} call, so another
     * thread can run it while this one streams the records.
     */
    static ExportReader openLazily(Path file) throws IOException {
        try (ExportLines lines = new ExportLines(file)) {
            if (!lines.next()) {
                throw new ExportFormatException(1, "empty file, expected the export header", null);
            }
            try {
                return new ExportReader(file, ExportHeader.fromJson(parse(lines)));
            } catch (IllegalArgumentException e) {
                throw new ExportFormatException(1, e.getMessage(), e);
            }
        }
    }

    public ExportHeader header() {
        return header;
    }

    /** The checkpoint with the largest tree per chain; the first call reads them. Thread-safe. */
    public synchronized Map<String, Checkpoint> checkpoints() throws IOException {
        if (checkpoints == null) {
            checkpoints = scanCheckpoints(file);
        }
        return checkpoints;
    }

    private static Map<String, Checkpoint> scanCheckpoints(Path file) throws IOException {
        try (ExportLines lines = new ExportLines(file)) {
            lines.next(); // the header
            Map<String, Checkpoint> latest = new LinkedHashMap<>();
            while (lines.next()) {
                // Record lines are checked by forEachRecord; here only the few others are decoded.
                if (isBlank(lines) || startsWith(lines, RECORD_PREFIX)) {
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
            return Collections.unmodifiableMap(latest);
        }
    }

    /** Streams every record in file order. */
    public void forEachRecord(RecordSink sink) throws IOException {
        RecordLineParser parser = new RecordLineParser();
        forEachRecordLine(parser, line -> sink.accept(fields(line, parser::record)));
    }

    /** Streams every record in file order as the verifier reads it, the event left in UTF-8. */
    void forEachEntry(EntrySink sink) throws IOException {
        RecordLineParser parser = new RecordLineParser();
        forEachRecordLine(parser, line -> sink.accept(fields(line, parser::entry)));
    }

    /** Loads all records, grouped per chain in first-seen order; for exports that fit in memory. */
    public Map<String, List<SealedRecord>> readChains() throws IOException {
        Map<String, List<SealedRecord>> chains = new LinkedHashMap<>();
        forEachRecord(
                r -> chains.computeIfAbsent(r.chain(), c -> new ArrayList<>()).add(r));
        return chains;
    }

    /** Called with the line number once the parser holds a record line. */
    private interface RecordLine {
        void accept(long line) throws IOException;
    }

    private void forEachRecordLine(RecordLineParser parser, RecordLine action) throws IOException {
        try (ExportLines lines = new ExportLines(file)) {
            lines.next(); // the header, read by open()
            while (lines.next()) {
                long line = lines.number();
                if (parser.parse(lines.buffer(), lines.start(), lines.end(), line) == RecordLineParser.Kind.RECORD) {
                    action.accept(line);
                }
            }
        }
    }

    private static <T> T fields(long line, Supplier<T> parsed) throws ExportFormatException {
        try {
            return parsed.get();
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException(line, "bad record: " + e.getMessage(), e);
        }
    }

    private static boolean isBlank(ExportLines lines) {
        byte[] b = lines.buffer();
        for (int i = lines.start(); i < lines.end(); i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(ExportLines lines, byte[] prefix) {
        int from = lines.start();
        return lines.end() - from >= prefix.length
                && Arrays.equals(lines.buffer(), from, from + prefix.length, prefix, 0, prefix.length);
    }

    private static JsonNode parse(ExportLines lines) throws ExportFormatException {
        try {
            return JSON.readTree(text(lines));
        } catch (CharacterCodingException e) {
            throw new ExportFormatException(lines.number(), "not UTF-8", e);
        } catch (JsonProcessingException e) {
            throw new ExportFormatException(lines.number(), "not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The current line as text; malformed UTF-8 is an error, not a replacement character. */
    private static String text(ExportLines lines) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(lines.buffer(), lines.start(), lines.end() - lines.start()))
                .toString();
    }

    private static String typeOf(long line, JsonNode json) throws ExportFormatException {
        String type = json.path("type").textValue();
        if (!ExportWriter.RECORD.equals(type) && !ExportWriter.CHECKPOINT.equals(type)) {
            throw new ExportFormatException(line, "unknown line type " + json.path("type"), null);
        }
        return type;
    }

    private static Checkpoint checkpoint(long line, JsonNode json) throws ExportFormatException {
        try {
            return LedgerJson.checkpointFromJson(json);
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException(line, "bad checkpoint: " + e.getMessage(), e);
        }
    }
}
