package io.sigil.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finds where the lines after an export's last record line start, reading only the end of the file: checkpoint lines
 * come after all records, so the verifier can read them there instead of passing over the whole file first.
 */
final class ExportTail {
    private static final int FIRST_WINDOW = 1 << 16;

    private ExportTail() {}

    /**
     * The file offset just after the last line that starts with {@code recordPrefix}, or -1 when no such line lies
     * within the last {@code maxBytes} bytes (or the only candidate is the first line, the header).
     */
    static long afterLastRecord(Path file, byte[] recordPrefix, int maxBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            for (int window = Math.min(FIRST_WINDOW, maxBytes); ; window = Math.min(window * 16, maxBytes)) {
                long from = Math.max(0, size - window);
                byte[] bytes = read(channel, from, (int) (size - from));
                int lineStart = lastLineStartingWith(bytes, recordPrefix);
                if (lineStart >= 0) {
                    int newline = indexOf(bytes, (byte) '\n', lineStart);
                    return newline < 0 ? size : from + newline + 1;
                }
                if (from == 0 || window == maxBytes) {
                    return -1;
                }
            }
        }
    }

    /** The start of the last line (one preceded by a newline in {@code bytes}) that begins with {@code prefix}. */
    private static int lastLineStartingWith(byte[] bytes, byte[] prefix) {
        for (int i = bytes.length - prefix.length; i > 0; i--) {
            if (bytes[i - 1] == '\n' && startsWith(bytes, i, prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        for (int k = 0; k < prefix.length; k++) {
            if (bytes[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] read(FileChannel channel, long from, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, from + buffer.position()) < 0) {
                break; // the file shrank: what was read is what there is
            }
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }
}
