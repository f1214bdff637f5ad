package io.sigil.gateway.upstream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts a {@code text/event-stream} body into events as its bytes arrive, and hands the data of each complete
 * event on, so that what an upstream streams (progress) can be relayed before its stream ends. Each byte is
 * scanned once; the caller bounds the body.
 */
final class SseSplitter {

    private final Consumer<String> events;
    private byte[] pending = new byte[1024];
    private int length;
    private int scanned;

    SseSplitter(Consumer<String> events) {
        this.events = events;
    }

    /** Takes the next bytes of the stream; complete events are handed on at once. */
    void feed(byte[] chunk) {
        if (length + chunk.length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + chunk.length));
        }
        System.arraycopy(chunk, 0, pending, length, chunk.length);
        length += chunk.length;
        int start = 0;
        for (int i = Math.max(0, scanned - 3); i + 1 < length; i++) {
            int blank = blankLine(i);
            if (blank > 0) {
                SseMessages.dataOf(new String(pending, start, i - start, StandardCharsets.UTF_8))
                        .forEach(events);
                start = i + blank;
                i = start - 1;
            }
        }
        if (start > 0) {
            System.arraycopy(pending, start, pending, 0, length - start);
            length -= start;
        }
        scanned = length;
    }

    /** The length of the blank-line separator ("\n\n" or "\r\n\r\n") starting at {@code i}, or 0. */
    private int blankLine(int i) {
        if (pending[i] == '\n' && pending[i + 1] == '\n') {
            return 2;
        }
        boolean crlf = i + 3 < length
                && pending[i] == '\r'
                && pending[i + 1] == '\n'
                && pending[i + 2] == '\r'
                && pending[i + 3] == '\n';
        return crlf ? 4 : 0;
    }
}
