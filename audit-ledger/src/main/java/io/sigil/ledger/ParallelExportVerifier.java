package io.sigil.ledger;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Verifies the records of an export with two parsing threads, so that parsing, the slower half of the work, is spread
 * over both cores from the start. The calling thread only reads the file in chunks of whole lines and deals them out in
 * turn; each {@link BatchParser} parses its chunks and hashes their events; a checking thread takes the parsed batches
 * back in file order and runs the chain checks, so every chain still sees its records in stored order.
 */
final class ParallelExportVerifier {
    static final ExportChunk NO_MORE_CHUNKS = ExportChunk.end();
    static final EntryBatch NO_MORE_ENTRIES = EntryBatch.end();
    static final EntryBatch FAILED = EntryBatch.end();

    private static final int PARSERS = 2;
    // Per parser, each way: room for uneven speeds while the JIT compiles one thread's code before the other's.
    private static final int BATCHES_IN_FLIGHT = 3;

    private ParallelExportVerifier() {}

    /**
     * The reports of {@link ExportVerifier#verify(ExportReader, byte[], byte[])}, or null when this pass met a line it
     * could not parse or any other error: the caller then verifies with that one-parser pass, whose reports and errors
     * are the reference, so they never differ.
     */
    static List<VerificationReport> verify(ExportReader reader, byte[] rootKey, byte[] publicKeyOrNull)
            throws InterruptedIOException {
        BlockingQueue<ExportChunk> freeChunks = new ArrayBlockingQueue<>(PARSERS * (2 * BATCHES_IN_FLIGHT + 2));
        BlockingQueue<EntryBatch> freeEntries = new ArrayBlockingQueue<>(PARSERS * (2 * BATCHES_IN_FLIGHT + 2));
        @SuppressWarnings("unchecked")
        BlockingQueue<ExportChunk>[] chunks = new BlockingQueue[PARSERS];
        @SuppressWarnings("unchecked")
        BlockingQueue<EntryBatch>[] parsed = new BlockingQueue[PARSERS];
        Thread[] parsers = new Thread[PARSERS];
        for (int i = 0; i < PARSERS; i++) {
            chunks[i] = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
            parsed[i] = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
            parsers[i] = new Thread(
                    new BatchParser(chunks[i], parsed[i], freeChunks, freeEntries), "export-parser-" + (i + 1));
            parsers[i].setDaemon(true);
        }
        FutureTask<List<VerificationReport>> checks = new FutureTask<>(() -> {
            ChainChecks chains = new ChainChecks(reader, rootKey, publicKeyOrNull);
            for (long n = 0; ; ) {
                EntryBatch batch = parsed[(int) (n % PARSERS)].take(); // chunk n went to parser n % PARSERS
                if (batch == NO_MORE_ENTRIES) {
                    return chains.reports();
                }
                if (batch == FAILED) {
                    return null;
                }
                if (batch.checkpointLine >= 0) {
                    reader.noteCheckpointLine(batch.checkpointLine);
                }
                chains.check(batch);
                if (batch.lastOfChunk) {
                    n++;
                }
                batch.clear();
                freeEntries.offer(batch);
            }
        });
        Thread checker = new Thread(checks, "export-verifier");
        checker.setDaemon(true);
        checker.start();
        for (Thread parser : parsers) {
            parser.start();
        }
        try (ExportChunks in = reader.chunks()) {
            long n = 0;
            ExportChunk chunk = new ExportChunk();
            while (in.next(chunk)) {
                if (!hand(chunks[(int) (n++ % PARSERS)], chunk, checks)) {
                    return null;
                }
                ExportChunk reused = freeChunks.poll();
                chunk = reused != null ? reused : new ExportChunk();
            }
            for (int i = 0; i < PARSERS; i++) { // the checker next waits on parser n % PARSERS: it ends there
                if (!hand(chunks[(int) (n++ % PARSERS)], NO_MORE_CHUNKS, checks)) {
                    return null;
                }
            }
            return checks.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while verifying");
        } catch (IOException | ExecutionException | RuntimeException e) {
            return null; // the one-parser pass reports it as it always has
        } finally {
            checker.interrupt(); // no-ops once they have finished; stops them when this pass ended early
            for (Thread parser : parsers) {
                parser.interrupt();
            }
        }
    }

    /** Queues a batch for a parser; false if the checking thread has stopped, when the batch would wait for ever. */
    private static <T> boolean hand(BlockingQueue<T> queue, T batch, FutureTask<?> checks) throws InterruptedException {
        while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
            if (checks.isDone()) {
                return false;
            }
        }
        return true;
    }
}
