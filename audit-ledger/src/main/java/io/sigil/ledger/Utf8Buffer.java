package io.sigil.ledger;

import java.util.Arrays;

/** A growable byte array reused across lines, so unescaped strings cost no allocation per record. */
final class Utf8Buffer {
    byte[] bytes = new byte[256];
    int length;

    void clear() {
        length = 0;
    }

    /** Room for {@code extra} more bytes. */
    void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }

    boolean contentEquals(byte[] other) {
        return Arrays.equals(bytes, 0, length, other, 0, other.length);
    }

    byte[] copy() {
        return Arrays.copyOf(bytes, length);
    }
}
