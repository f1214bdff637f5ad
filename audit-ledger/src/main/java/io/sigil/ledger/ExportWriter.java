package io.sigil.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes the NDJSON export: the header line, then record lines, then checkpoint lines (the latest per chain).
 * Records of one chain must come in seq order; chains may interleave.
 */
public final class ExportWriter implements Closeable, Flushable {
    static final String RECORD = "record";
    static final String CHECKPOINT = "checkpoint";
    private static final ObjectWriter JSON = new ObjectMapper().writer();

    private final Writer out;
    private boolean checkpointsStarted;

    public ExportWriter(Writer out, ExportHeader header) throws IOException {
        this.out = out;
        writeLine(header.toJson());
    }

    /** UTF-8, buffered. */
    public ExportWriter(OutputStream out, ExportHeader header) throws IOException {
        this(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), header);
    }

    public void writeRecord(SealedRecord record) throws IOException {
        if (checkpointsStarted) {
            throw new IllegalStateException("records come before checkpoints in an export");
        }
        writeLine(typed(RECORD).setAll(LedgerJson.toJson(record)));
    }

    public void writeCheckpoint(Checkpoint checkpoint) throws IOException {
        checkpointsStarted = true;
        writeLine(typed(CHECKPOINT).setAll(LedgerJson.toJson(checkpoint)));
    }

    private static ObjectNode typed(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    private void writeLine(ObjectNode json) throws IOException {
        out.write(JSON.writeValueAsString(json));
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
