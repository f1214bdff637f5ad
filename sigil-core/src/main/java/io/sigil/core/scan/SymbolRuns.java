package io.sigil.core.scan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The runs of one class of chars (ASCII digits, base64 chars) in a text's {@link Symbols symbols}, found 64
 * chars at a time: the chars are classified into a bitmap without a branch per char, and a run's edges are the
 * changes in it, so a text of many short runs (numbers in logs and JSON, identifiers) costs no mispredicted branch per
 * run edge.
 */
final class SymbolRuns {

    /** Receives each run, in increasing order; returns false to stop. */
    @FunctionalInterface
    interface Sink {
        boolean run(int start, int end);
    }

    /** Bit k: whether symbol {@code base + k} is in the class (0 past {@code n}). */
    @FunctionalInterface
    interface Bits {
        long of(byte[] symbols, int base, int n);
    }

    private SymbolRuns() {}

    /** Feeds every maximal run of ASCII digits in {@code symbols} to the sink. */
    static void digits(byte[] symbols, Sink sink) {
        forEach(symbols, SymbolRuns::digitBits, sink);
    }

    /** Feeds every maximal run of the class {@code bits} reads to the sink, until it returns false. */
    static void forEach(byte[] symbols, Bits bits, Sink sink) {
        int n = symbols.length;
        int runStart = -1;
        for (int base = 0; base < n; base += 64) {
            long members = bits.of(symbols, base, n);
            long before = runStart >= 0 ? 1L : 0L;
            // Bit k: whether char base + k differs from the char before it in being in the class.
            long edges = members ^ ((members << 1) | before);
            while (edges != 0) {
                int at = base + Long.numberOfTrailingZeros(edges);
                edges &= edges - 1;
                if (runStart < 0) {
                    runStart = at;
                } else {
                    if (!sink.run(runStart, at)) {
                        return;
                    }
                    runStart = -1;
                }
            }
        }
        if (runStart >= 0) {
            sink.run(runStart, n);
        }
    }

    /** The class of the symbols whose entry in {@code members} (indexed by {@code symbol & 0xFF}) is 1. */
    static Bits table(long[] members) {
        return (symbols, base, n) -> {
            long bits = 0;
            int to = Math.min(n - base, 64);
            for (int k = 0; k < to; k++) {
                bits |= members[symbols[base + k] & 0xFF] << k;
            }
            return bits;
        };
    }

    /** Bit k: whether symbol {@code base + k} is an ASCII digit (0 past {@code n}); eight at a time. */
    static long digitBits(byte[] symbols, int base, int n) {
        long bits = 0;
        int k = 0;
        for (; k < 64 && base + k + 8 <= n; k += 8) {
            bits |= eightDigits((long) LONGS.get(symbols, base + k)) << k;
        }
        for (; k < 64 && base + k < n; k++) {
            byte s = symbols[base + k];
            bits |= (s >= '0' && s <= '9' ? 1L : 0L) << k;
        }
        return bits;
    }

    /** Bit i (0 to 7): whether byte i (little-endian) of {@code x} is an ASCII digit. */
    private static long eightDigits(long x) {
        long low = x & 0x7F7F7F7F7F7F7F7FL; // no carry between bytes below
        long atLeastZero = low + 0x5050505050505050L; // high bit set where the byte is >= '0'
        long pastNine = low + 0x4646464646464646L; // high bit set where the byte is > '9'
        long flags = atLeastZero & ~pastNine & ~x & 0x8080808080808080L; // ~x: no non-ASCII symbol is a digit
        // Gathers the eight high bits into the top byte: each product term lands on its own bit, so nothing carries.
        return ((flags >>> 7) * 0x0102040810204080L) >>> 56;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
}
