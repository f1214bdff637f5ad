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
    private static final byte[] RECORD_PREFIX =
            ("{\"type\":\"" + ExportWriter.RECORD + "\"").getBytes(StandardCharsets.UTF_8);

    // Checkpoints are looked for in the last 16 MB only; an export with more after its last record is read in full.
    private static final int TAIL_BYTES = 16 << 20;

    private final Path file;
    private final boolean fromTail;
    private ExportHeader header; // guarded by this, as are the checkpoints and coveredFrom; null until read
    private Map<String, Checkpoint> checkpoints;
    private long coveredFrom; // checkpoint lines from this file offset on are in checkpoints
    private volatile long firstCheckpointLine = Long.MAX_VALUE; // the offset of the first one the record pass met

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

    private ExportReader(Path file, boolean fromTail) {
        this.file = file;
        this.fromTail = fromTail;
    }

    public static ExportReader open(Path file) throws IOException {
        ExportReader reader = new ExportReader(file, false);
        reader.checkpoints();
        return reader;
    }

    /**
     * Reads nothing yet: the header and the checkpoints wait for the first {@link #header()} or {@link #checkpoints()}
     * call, so another thread can read them while this one streams the records. They are read from the lines after
     * the last record, not from a pass over the whole file; {@link #checkpointsComplete()} tells, once the records
     * have been streamed, whether that found every checkpoint line.
     */
    static ExportReader openLazily(Path file) {
        return new ExportReader(file, true);
    }

    /**
     * False when the record pass met a checkpoint line before the last record line, where a reader opened with
     * {@link #openLazily} did not look: then only {@link #open} reads the right checkpoints.
     */
    synchronized boolean checkpointsComplete() throws IOException {
        readHeaderAndCheckpoints();
        return firstCheckpointLine >= coveredFrom;
    }

    public synchronized ExportHeader header() throws IOException {
        readHeaderAndCheckpoints();
        return header;
    }

    /** Decodes every non-record line of the file, throwing for the first bad one, as {@link #open} does. */
    void checkNonRecordLines() throws IOException {
        if (!fromTail) {
            checkpoints();
        } else {
            open(file);
        }
    }

    /** The checkpoint with the largest tree per chain. Thread-safe. */
    public synchronized Map<String, Checkpoint> checkpoints() throws IOException {
        readHeaderAndCheckpoints();
        return checkpoints;
    }

    private void readHeaderAndCheckpoints() throws IOException {
        if (checkpoints != null) {
            return;
        }
        if (fromTail) {
            long tail = ExportTail.afterLastRecord(file, RECORD_PREFIX, TAIL_BYTES);
            if (tail > 0) {
                try (ExportLines first = new ExportLines(file, 0, ExportLines.MAX_LINE_BYTES, 1 << 16);
                        ExportLines lines = new ExportLines(file, tail, ExportLines.MAX_LINE_BYTES, 1 << 16)) {
                    ExportHeader h = readHeader(first);
                    Map<String, Checkpoint> latest = readCheckpoints(lines);
                    header = h;
                    checkpoints = latest;
                    coveredFrom = tail;
                    return;
                } catch (ExportFormatException e) {
                    // Line numbers there count from the tail: the whole-file pass below reports the right one.
                }
            }
        }
        try (ExportLines lines = new ExportLines(file)) {
            header = readHeader(lines);
            checkpoints = readCheckpoints(lines);
            coveredFrom = 0;
        }
    }

    private static ExportHeader readHeader(ExportLines lines) throws IOException {
        if (!lines.next()) {
            throw new ExportFormatException(1, "empty file, expected the export header", null);
        }
        ExportHeader plain = new PlainLineParser().header(lines.buffer(), lines.start(), lines.end());
        if (plain != null) {
            return plain;
        }
        try {
            return ExportHeader.fromJson(parse(lines));
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException(1, e.getMessage(), e);
        }
    }

    /** The latest checkpoint per chain among the remaining lines. */
    private static Map<String, Checkpoint> readCheckpoints(ExportLines lines) throws IOException {
        Map<String, Checkpoint> latest = new LinkedHashMap<>();
        PlainLineParser plain = new PlainLineParser();
        while (lines.next()) {
            // Record lines are checked by forEachRecord; here only the few others are decoded.
            if (isBlank(lines) || startsWith(lines, RECORD_PREFIX)) {
                continue;
            }
            Checkpoint c = plain.checkpoint(lines.buffer(), lines.start(), lines.end());
            if (c == null) {
                JsonNode json = parse(lines);
                c = ExportWriter.CHECKPOINT.equals(typeOf(lines.number(), json))
                        ? checkpoint(lines.number(), json)
                        : null;
            }
            if (c != null) {
                Checkpoint seen = latest.get(c.chain());
                if (seen == null || c.treeSize() >= seen.treeSize()) {
                    latest.put(c.chain(), c);
                }
            }
        }
        return Collections.unmodifiableMap(latest);
    }

    /** Streams every record in file order. */
    public void forEachRecord(RecordSink sink) throws IOException {
        try (RecordStream records = records()) {
            while (records.next()) {
                sink.accept(fields(records, records.parser()::record));
            }
        }
    }

    /** Streams every record in file order as the verifier reads it, the event left in UTF-8. */
    void forEachEntry(EntrySink sink) throws IOException {
        try (RecordStream records = records()) {
            while (records.next()) {
                sink.accept(fields(records, records.parser()::entry));
            }
        }
    }

    /**
     * The record lines in file order, for a caller that builds entries itself (into its own buffers); a bad field
     * surfaces from the parser's entry methods as an IllegalArgumentException, for {@link RecordStream#badRecord}.
     */
    RecordStream records() throws IOException {
        return new RecordStream(new ExportLines(file), this::noteCheckpointLine);
    }

    /**
     * The lines after the header in chunks, for a caller that parses them itself; it must tell
     * {@link #noteCheckpointLine} the file offset of each checkpoint line it meets, in file order, as {@link #records()}
     * does.
     */
    ExportChunks chunks() throws IOException {
        return new ExportChunks(file);
    }

    /** Notes that the record pass met a checkpoint line at {@code offset}; only the first one counts. */
    void noteCheckpointLine(long offset) {
        if (firstCheckpointLine == Long.MAX_VALUE) {
            firstCheckpointLine = offset;
        }
    }

    /** Loads all records, grouped per chain in first-seen order; for exports that fit in memory. */
    public Map<String, List<SealedRecord>> readChains() throws IOException {
        Map<String, List<SealedRecord>> chains = new LinkedHashMap<>();
        forEachRecord(
                r -> chains.computeIfAbsent(r.chain(), c -> new ArrayList<>()).add(r));
        return chains;
    }

    private static <T> T fields(RecordStream records, Supplier<T> parsed) throws ExportFormatException {
        try {
            return parsed.get();
        } catch (IllegalArgumentException e) {
            throw records.badRecord(e);
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
            return Lines.JSON.readTree(text(lines));
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

    /** Jackson for the few non-record lines, set up on first use so the record-streaming thread never waits for it. */
    private static final class Lines {
        // The same strictness as the record parser: one value per line, no repeated names.
        static final ObjectMapper JSON = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
