package io.sigil.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads a file in large blocks and hands out its lines as ranges of one buffer, without copying them; a line is
 * moved only when it straddles two blocks. Lines longer than {@link #MAX_LINE_BYTES} are refused.
 */
final class ExportLines implements Closeable {
    static final int MAX_LINE_BYTES = 64 << 20;
    private static final int BLOCK = 1 << 22;

    private final FileChannel channel;
    private final int maxLine;
    private final int block;
    private byte[] buffer;
    private int filled;
    private long base; // the file offset of buffer[0]
    private int next; // where the next line starts
    private boolean eof;
    private int start;
    private int end;
    private long number;

    ExportLines(Path file) throws IOException {
        this(file, MAX_LINE_BYTES, BLOCK);
    }

    /** Tests pass small sizes to make lines straddle blocks. */
    ExportLines(Path file, int maxLine, int block) throws IOException {
        this(file, 0, maxLine, block);
    }

    /** Reads from file offset {@code from} on, which must be the start of a line; numbers count from there. */
    ExportLines(Path file, long from, int maxLine, int block) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.maxLine = maxLine;
        this.block = block;
        this.buffer = new byte[block];
        channel.position(from);
        base = from;
    }

    /** Advances to the next line (its '\n' excluded); false at the end of the file. */
    boolean next() throws IOException {
        int scanFrom = next;
        while (true) {
            int newline = indexOfNewline(scanFrom, filled);
            if (newline >= 0) {
                return take(newline, newline + 1);
            }
            if (eof) {
                return next < filled && take(filled, filled);
            }
            scanFrom = filled - next;
            if (scanFrom > maxLine) {
                throw tooLong();
            }
            refill();
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The file offset where the current line starts. */
    long position() {
        return base + start;
    }

    /** 1-based number of the current line. */
    long number() {
        return number;
    }

    private boolean take(int lineEnd, int after) throws ExportFormatException {
        if (lineEnd - next > maxLine) {
            throw tooLong();
        }
        number++;
        start = next;
        end = lineEnd;
        next = after;
        return true;
    }

    /** Keeps the unfinished line, moved to the front, and reads more after it; scan offsets become relative to 0. */
    private void refill() throws IOException {
        int kept = filled - next;
        if (kept > 0 && next > 0) {
            System.arraycopy(buffer, next, buffer, 0, kept);
        }
        base += next;
        next = 0;
        filled = kept;
        if (filled == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxLine + block));
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, filled, buffer.length - filled);
        while (target.hasRemaining()) {
            if (channel.read(target) < 0) {
                eof = true;
                break;
            }
        }
        filled = target.position();
    }

    private int indexOfNewline(int from, int to) {
        return Newlines.indexOf(buffer, from, to);
    }

    private ExportFormatException tooLong() {
        return new ExportFormatException(number + 1, "line longer than " + maxLine + " bytes", null);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
