package io.sigil.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Finds line ends in bytes, eight at a time. */
final class Newlines {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Newlines() {}

    /** The index of the first '\n' in {@code b[from, to)}, or -1. */
    static int indexOf(byte[] b, int from, int to) {
        int i = from;
        // A zero byte of word ^ "\n\n\n\n\n\n\n\n" marks a newline; the lowest flag is exact.
        for (; i + 8 <= to; i += 8) {
            long x = (long) WORDS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The index of the last '\n' in {@code b[from, to)}, or -1. */
    static int lastIndexOf(byte[] b, int from, int to) {
        for (int i = to - 1; i >= from; i--) { // a line's length from the end: no need for words
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
