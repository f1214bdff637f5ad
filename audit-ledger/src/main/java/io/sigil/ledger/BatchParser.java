package io.sigil.ledger;

import java.util.concurrent.BlockingQueue;

/**
 * One parsing thread of {@link ParallelExportVerifier}: turns each chunk of lines it is handed into batches of entries,
 * in order, the last one of a chunk marked, and takes each record's SHA-256 of the event and Merkle leaf hash on the
 * way, the part of the checks that does not depend on the record before. Hands on
 * {@link ParallelExportVerifier#FAILED} and stops at the first line it cannot parse.
 */
final class BatchParser implements Runnable {
    private final BlockingQueue<ExportChunk> in;
    private final BlockingQueue<EntryBatch> out;
    private final BlockingQueue<ExportChunk> freeChunks;
    private final BlockingQueue<EntryBatch> freeEntries;
    private final RecordLineParser parser = new RecordLineParser();
    private final Sha256Hasher sha = new Sha256Hasher();
    private final byte[] leaf = new byte[1 + Merkle.HASH_LENGTH];

    BatchParser(
            BlockingQueue<ExportChunk> in,
            BlockingQueue<EntryBatch> out,
            BlockingQueue<ExportChunk> freeChunks,
            BlockingQueue<EntryBatch> freeEntries) {
        this.in = in;
        this.out = out;
        this.freeChunks = freeChunks;
        this.freeEntries = freeEntries;
        leaf[0] = Merkle.LEAF_PREFIX;
    }

    @Override
    public void run() {
        try {
            for (ExportChunk chunk = in.take(); chunk != ParallelExportVerifier.NO_MORE_CHUNKS; chunk = in.take()) {
                try {
                    parse(chunk);
                } catch (ExportFormatException | RuntimeException e) {
                    // The one-parser pass the caller falls back to reports it, with the exact line and message.
                    out.put(ParallelExportVerifier.FAILED);
                    return;
                }
                freeChunks.offer(chunk);
            }
            out.put(ParallelExportVerifier.NO_MORE_ENTRIES);
        } catch (InterruptedException e) {
            // The verification stopped early; nobody waits for this thread's batches.
        }
    }

    private void parse(ExportChunk chunk) throws ExportFormatException, InterruptedException {
        byte[] bytes = chunk.bytes;
        EntryBatch entries = emptyBatch();
        for (int p = chunk.start; p < chunk.end; ) {
            int newline = Newlines.indexOf(bytes, p, chunk.end);
            int lineEnd = newline < 0 ? chunk.end : newline;
            if (lineEnd - p > ExportLines.MAX_LINE_BYTES) {
                throw new IllegalArgumentException("line longer than " + ExportLines.MAX_LINE_BYTES + " bytes");
            }
            // Line numbers are only for error messages, which the one-parser pass gives.
            RecordLineParser.Kind kind = parser.parse(bytes, p, lineEnd, 0);
            if (kind == RecordLineParser.Kind.RECORD) {
                if (!entries.fits(parser.eventLength())) {
                    entries.digested = true;
                    out.put(entries);
                    entries = emptyBatch();
                }
                entries.add(parser);
                digest(entries, entries.size - 1);
            } else if (kind == RecordLineParser.Kind.CHECKPOINT && entries.checkpointLine < 0) {
                entries.checkpointLine = chunk.position + p;
            }
            p = lineEnd + 1;
        }
        entries.digested = true;
        entries.lastOfChunk = true;
        out.put(entries);
    }

    private EntryBatch emptyBatch() {
        EntryBatch reused = freeEntries.poll();
        return reused != null ? reused : new EntryBatch();
    }

    private void digest(EntryBatch entries, int index) {
        ChainEntry e = entries.entries[index];
        int at = index * EntryBatch.DIGESTS_PER_RECORD;
        sha.hash(e.event(), e.eventOffset(), e.eventLength(), entries.digests, at);
        byte[] mac = e.mac();
        if (mac.length == Merkle.HASH_LENGTH) { // others are hashed by the checks, as ChainVerification expects
            System.arraycopy(mac, 0, leaf, 1, Merkle.HASH_LENGTH);
            sha.hash(leaf, 0, leaf.length, entries.digests, at + Sha256.LENGTH);
        }
    }
}
