package io.sigil.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.util.function.LongConsumer;

/** The record lines of an export in file order, one per {@link #next()} call, each held by one reused parser. */
final class RecordStream implements Closeable {
    private final ExportLines lines;
    private final RecordLineParser parser = new RecordLineParser();
    private final LongConsumer firstCheckpointLine;
    private boolean checkpointSeen;

    /** Opens {@code lines} past the header; {@code firstCheckpointLine} hears the offset of the first checkpoint line. */
    RecordStream(ExportLines lines, LongConsumer firstCheckpointLine) throws IOException {
        this.lines = lines;
        this.firstCheckpointLine = firstCheckpointLine;
        lines.next(); // the header, read apart
    }

    /**
     * Advances to the next record line; false at the end of the file. A caller's loop over this, rather than a
     * callback per record, leaves the JIT one copy of the per-record code to compile instead of one per nesting level.
     */
    boolean next() throws IOException {
        while (lines.next()) {
            RecordLineParser.Kind kind = parser.parse(lines.buffer(), lines.start(), lines.end(), lines.number());
            if (kind == RecordLineParser.Kind.RECORD) {
                return true;
            }
            if (kind == RecordLineParser.Kind.CHECKPOINT && !checkpointSeen) {
                checkpointSeen = true;
                firstCheckpointLine.accept(lines.position());
            }
        }
        return false;
    }

    /** The parser holding the current record line. */
    RecordLineParser parser() {
        return parser;
    }

    /** The 1-based number of the current line. */
    long line() {
        return lines.number();
    }

    /** A field the parser found bad, as the format error the readers report for the current line. */
    ExportFormatException badRecord(IllegalArgumentException e) {
        return new ExportFormatException(line(), "bad record: " + e.getMessage(), e);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
