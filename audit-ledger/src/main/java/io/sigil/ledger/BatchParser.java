package io.sigil.ledger;

import java.util.concurrent.BlockingQueue;

/**
 * One parsing thread of {@link ParallelExportVerifier}: turns each batch of lines it is handed into a batch of
 * entries, in the same order, and takes each record's SHA-256 of the event and Merkle leaf hash on the way, the part
 * of the checks that does not depend on the record before. Hands on {@link ParallelExportVerifier#FAILED} and stops at
 * the first line it cannot parse.
 */
final class BatchParser implements Runnable {
    private final BlockingQueue<LineBatch> in;
    private final BlockingQueue<EntryBatch> out;
    private final BlockingQueue<LineBatch> freeLines;
    private final BlockingQueue<EntryBatch> freeEntries;
    private final RecordLineParser parser = new RecordLineParser();
    private final Sha256Hasher sha = new Sha256Hasher();
    private final byte[] leaf = new byte[1 + Merkle.HASH_LENGTH];

    BatchParser(
            BlockingQueue<LineBatch> in,
            BlockingQueue<EntryBatch> out,
            BlockingQueue<LineBatch> freeLines,
            BlockingQueue<EntryBatch> freeEntries) {
        this.in = in;
        this.out = out;
        this.freeLines = freeLines;
        this.freeEntries = freeEntries;
        leaf[0] = Merkle.LEAF_PREFIX;
    }

    @Override
    public void run() {
        try {
            for (LineBatch lines = in.take(); lines != ParallelExportVerifier.NO_MORE_LINES; lines = in.take()) {
                EntryBatch entries = freeEntries.poll();
                EntryBatch parsed;
                try {
                    parsed = parse(lines, entries != null ? entries : new EntryBatch());
                } catch (ExportFormatException | RuntimeException e) {
                    // The one-parser pass the caller falls back to reports it, with the exact line and message.
                    out.put(ParallelExportVerifier.FAILED);
                    return;
                }
                lines.clear();
                freeLines.offer(lines);
                out.put(parsed);
            }
            out.put(ParallelExportVerifier.NO_MORE_ENTRIES);
        } catch (InterruptedException e) {
            // The verification stopped early; nobody waits for this thread's batches.
        }
    }

    private EntryBatch parse(LineBatch lines, EntryBatch entries) throws ExportFormatException {
        for (int i = 0; i < lines.size; i++) {
            RecordLineParser.Kind kind = parser.parse(lines.bytes, lines.starts[i], lines.ends[i], lines.numbers[i]);
            if (kind == RecordLineParser.Kind.RECORD) {
                if (!entries.fits(parser.eventLength())) {
                    throw new IllegalStateException("the events of a batch of lines must fit one batch of entries");
                }
                entries.add(parser);
                digest(entries, entries.size - 1);
            } else if (kind == RecordLineParser.Kind.CHECKPOINT && entries.checkpointLine < 0) {
                entries.checkpointLine = lines.positions[i];
            }
        }
        entries.digested = true;
        return entries;
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
