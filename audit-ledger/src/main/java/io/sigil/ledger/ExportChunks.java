package io.sigil.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Cuts an export into chunks of whole lines, from the line after the header on, for parsing threads: the reading
 * thread only reads and looks for the last line end of each chunk, leaving the lines themselves to the parsers.
 */
final class ExportChunks implements Closeable {
    private final FileChannel channel;
    private final int maxLine;
    private byte[] carry = new byte[ExportChunk.SIZE]; // the unfinished line at the end of the last chunk
    private int carried;
    private long position; // the file offset after the bytes read so far
    private boolean eof;
    private boolean header = true;

    ExportChunks(Path file) throws IOException {
        this(file, ExportLines.MAX_LINE_BYTES);
    }

    /** Tests pass a small limit on lines. */
    ExportChunks(Path file, int maxLine) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.maxLine = maxLine;
    }

    /**
     * Fills {@code chunk} with the next whole lines (the last one may lack its '\n' at the end of the file), growing its
     * array for a line longer than it; false once the file is read. A line over the limit throws, as
     * {@link ExportLines} does (with no line number: the caller's one-parser pass reports that).
     */
    boolean next(ExportChunk chunk) throws IOException {
        if (eof && carried == 0) {
            return false;
        }
        int size = Math.max(ExportChunk.SIZE, 2 * carried);
        if (chunk.bytes.length < carried + ExportChunk.SIZE / 2 || chunk.bytes.length > size) {
            chunk.bytes = new byte[size]; // nor does a chunk keep the array it grew for one long line
        }
        System.arraycopy(carry, 0, chunk.bytes, 0, carried);
        chunk.position = position - carried;
        int filled = carried;
        int lineEnd;
        while (true) {
            filled = read(chunk.bytes, filled);
            int newline = Newlines.lastIndexOf(chunk.bytes, carried, filled);
            if (newline >= 0) {
                lineEnd = newline + 1;
                break;
            }
            if (eof) {
                lineEnd = filled;
                break;
            }
            if (filled > maxLine) {
                throw new ExportFormatException(0, "line longer than " + maxLine + " bytes", null);
            }
            chunk.bytes = Arrays.copyOf(chunk.bytes, 2 * chunk.bytes.length);
        }
        carried = filled - lineEnd;
        if (carried > carry.length) {
            carry = new byte[carried];
        }
        System.arraycopy(chunk.bytes, lineEnd, carry, 0, carried);
        chunk.start = 0;
        chunk.end = lineEnd;
        if (header) { // read apart, by the checking thread
            header = false;
            int newline = Newlines.indexOf(chunk.bytes, 0, lineEnd);
            chunk.start = newline < 0 ? lineEnd : newline + 1;
        }
        return true;
    }

    private int read(byte[] bytes, int from) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(bytes, from, bytes.length - from);
        while (target.hasRemaining()) {
            int n = channel.read(target);
            if (n < 0) {
                eof = true;
                break;
            }
            position += n;
        }
        return target.position();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
