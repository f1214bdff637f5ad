package io.sigil.ledger;

/**
 * Parsed records on their way from the reading thread to the checking thread, their events copied into one block
 * that is reused once the batch has been checked, so a long export does not allocate an array per event.
 */
final class EntryBatch {
    static final int SIZE = 256;
    /** Per record in {@link #digests}: SHA-256 of the event, then the Merkle leaf hash of the mac. */
    static final int DIGESTS_PER_RECORD = 2 * Sha256.LENGTH;
    // 256 KB: under half a G1 region even in a small heap, so a block is never a humongous object.
    static final int BLOCK = 1 << 18;

    final ChainEntry[] entries = new ChainEntry[SIZE];
    int size;
    /** Filled, and {@link #digested} set, by a parser that hashes while the checking thread is busy. */
    final byte[] digests = new byte[SIZE * DIGESTS_PER_RECORD];

    boolean digested;
    /** The file offset of the first checkpoint line among the batch's lines, -1 if none. */
    long checkpointLine = -1;
    /** Whether this batch holds the last records of the chunk its parser was on. */
    boolean lastOfChunk;

    private final byte[] events;
    private int used;

    EntryBatch() {
        this(BLOCK);
    }

    private EntryBatch(int block) {
        events = new byte[block];
    }

    /** An empty batch that marks the end of the stream. */
    static EntryBatch end() {
        return new EntryBatch(0);
    }

    /** Whether a record with an event of {@code eventLength} bytes still fits. */
    boolean fits(int eventLength) {
        return size < SIZE && (used + eventLength <= events.length || eventLength > BLOCK);
    }

    /** Adds the record {@code parser} holds; an event too large for any block gets an array of its own. */
    void add(RecordLineParser parser) {
        int length = parser.eventLength();
        if (length > BLOCK) {
            entries[size++] = parser.entry();
            return;
        }
        entries[size++] = parser.entry(events, used);
        used += length;
    }

    void clear() {
        size = 0;
        used = 0;
        digested = false;
        checkpointLine = -1;
        lastOfChunk = false;
    }
}
