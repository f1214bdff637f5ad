package io.sigil.gateway.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads newline-delimited messages from a child's stdout with a bound on the length of one line, so a server
 * that never ends its line cannot make the gateway buffer without limit.
 */
final class LineReader {

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    String next() throws IOException {
        // Most lines end inside the buffer: they are decoded from it without a copy; a longer one is gathered.
        byte[] gathered = null;
        int gatheredLength = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return gatheredLength == 0 ? null : decode(gathered, 0, gatheredLength);
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            if (gatheredLength + length > maxBytes) {
                throw new LineTooLong(maxBytes);
            }
            if (position < limit && gathered == null) {
                position++;
                return decode(buffer, start, length);
            }
            if (gathered == null || gathered.length < gatheredLength + length) {
                gathered = Arrays.copyOf(
                        gathered == null ? new byte[0] : gathered,
                        Math.min(maxBytes, Math.max(2 * (gatheredLength + length), buffer.length)));
            }
            System.arraycopy(buffer, start, gathered, gatheredLength, length);
            gatheredLength += length;
            if (position < limit) {
                position++;
                return decode(gathered, 0, gatheredLength);
            }
        }
    }

    private static String decode(byte[] bytes, int offset, int length) {
        int end = length > 0 && bytes[offset + length - 1] == '\r' ? length - 1 : length;
        return new String(bytes, offset, end, StandardCharsets.UTF_8);
    }

    /** A line longer than the bound. */
    static final class LineTooLong extends IOException {
        LineTooLong(int maxBytes) {
            super("a line of more than " + maxBytes + " bytes");
        }
    }
}
