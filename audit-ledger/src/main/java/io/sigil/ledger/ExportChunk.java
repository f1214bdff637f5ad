package io.sigil.ledger;

/** Whole lines of an export, {@code bytes[start, end)}, read for a parsing thread; reused once parsed. */
final class ExportChunk {
    // As large as a batch's event block: under half a G1 region even in a small heap, so never a humongous object.
    static final int SIZE = EntryBatch.BLOCK;

    byte[] bytes;
    int start;
    int end;
    /** The file offset of {@code bytes[0]}. */
    long position;

    private ExportChunk(int size) {
        bytes = new byte[size];
    }

    ExportChunk() {
        this(SIZE);
    }

    /** An empty chunk that marks the end of the file. */
    static ExportChunk end() {
        return new ExportChunk(0);
    }
}
