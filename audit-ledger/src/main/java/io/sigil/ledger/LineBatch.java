package io.sigil.ledger;

/**
 * Lines of an export on their way from the reading thread to a parsing thread, copied into one block that is reused
 * once they are parsed. A batch holds at most {@link EntryBatch#SIZE} lines and, unless it is a single longer line,
 * no more bytes than an {@link EntryBatch} block, so the events parsed from it always fit one entry batch.
 */
final class LineBatch {
    static final int SIZE = EntryBatch.SIZE;
    private static final int BLOCK = EntryBatch.BLOCK;

    private final byte[] block;
    byte[] bytes;
    final int[] starts = new int[SIZE];
    final int[] ends = new int[SIZE];
    final long[] numbers = new long[SIZE];
    final long[] positions = new long[SIZE];
    int size;
    private int used;

    LineBatch() {
        this(BLOCK);
    }

    private LineBatch(int block) {
        this.block = new byte[block];
        this.bytes = this.block;
    }

    /** An empty batch that marks the end of the lines. */
    static LineBatch end() {
        return new LineBatch(0);
    }

    /** Whether a line of {@code length} bytes still fits; an empty batch takes a line of any length. */
    boolean fits(int length) {
        return size == 0 || (size < SIZE && used + length <= bytes.length);
    }

    /** Copies line {@code number}, {@code in[start, end)} found at file offset {@code position}. */
    void add(byte[] in, int start, int end, long number, long position) {
        int length = end - start;
        if (size == 0 && length > bytes.length) {
            bytes = new byte[length]; // a line longer than a block travels alone, in an array of its own
        }
        System.arraycopy(in, start, bytes, used, length);
        starts[size] = used;
        ends[size] = used + length;
        numbers[size] = number;
        positions[size] = position;
        used += length;
        size++;
    }

    void clear() {
        size = 0;
        used = 0;
        bytes = block;
    }
}
