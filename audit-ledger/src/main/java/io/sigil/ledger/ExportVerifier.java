package io.sigil.ledger;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Verifies every chain of an export in one streaming pass: a report per chain, in first-seen order. The calling thread
 * parses while a second thread reads the header and checkpoints, then runs the chain checks on batches of parsed records, so the
 * costs overlap on two cores; the checks still see each chain's records in file order.
 */
public final class ExportVerifier {
    // Enough to ride out uneven speeds (2 MB of event blocks at most). It was 64 while the checking thread first
    // passed over the whole file for checkpoints; kept that large, the waiting batches were most of what young
    // collections copied (36 MB live on 200,000 records against 16 MB with 8).
    private static final int BATCHES_IN_FLIGHT = 8;
    private static final EntryBatch END = EntryBatch.end();

    private ExportVerifier() {}

    /** What verifying a file found: a report per chain, and how many chains had a checkpoint. */
    public record Result(List<VerificationReport> reports, int checkpoints) {}

    /**
     * Opens and verifies {@code file} with two parsing threads ({@link ParallelExportVerifier}); the checking thread
     * reads the header and the checkpoints after the last record. A file with a line that pass cannot parse is verified
     * again by the one-parser pass below, which reports the error as it always has; an export with a checkpoint line
     * among its records is verified again with every line read for checkpoints.
     */
    public static Result verify(Path file, byte[] rootKey, byte[] publicKeyOrNull) throws IOException {
        ExportReader reader = ExportReader.openLazily(file);
        List<VerificationReport> reports = ParallelExportVerifier.verify(reader, rootKey, publicKeyOrNull);
        if (reports == null) { // a bad line or another error: this pass reports it exactly
            reader = ExportReader.openLazily(file);
            reports = verify(reader, rootKey, publicKeyOrNull);
        }
        if (!reader.checkpointsComplete()) {
            reader = ExportReader.open(file);
            reports = verify(reader, rootKey, publicKeyOrNull);
        }
        return new Result(reports, reader.checkpoints().size());
    }

    public static List<VerificationReport> verify(ExportReader reader, byte[] rootKey, byte[] publicKeyOrNull)
            throws IOException {
        BlockingQueue<EntryBatch> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        BlockingQueue<EntryBatch> checked = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT + 2); // to be reused
        FutureTask<List<VerificationReport>> checks = new FutureTask<>(() -> {
            // Until the checkpoints are read, parsed batches wait in the queue.
            ChainChecks chains = new ChainChecks(reader, rootKey, publicKeyOrNull);
            for (EntryBatch batch = queue.take(); batch != END; batch = queue.take()) {
                chains.check(batch);
                batch.clear();
                checked.offer(batch);
            }
            return chains.reports();
        });
        Thread checker = new Thread(checks, "export-verifier");
        checker.setDaemon(true);
        checker.start();
        try {
            EntryBatch batch = new EntryBatch();
            try (RecordStream records = reader.records()) {
                RecordLineParser parsed = records.parser();
                while (records.next()) {
                    if (!batch.fits(parsed.eventLength())) {
                        hand(queue, batch, checks);
                        EntryBatch reused = checked.poll();
                        batch = reused != null ? reused : new EntryBatch();
                    }
                    try {
                        batch.add(parsed);
                    } catch (IllegalArgumentException e) {
                        throw records.badRecord(e);
                    }
                }
            } catch (ExportFormatException e) {
                reader.checkNonRecordLines(); // a bad line among the others is reported first, as a whole-file read
                // would
                throw e;
            }
            if (batch.size > 0) {
                hand(queue, batch, checks);
            }
            hand(queue, END, checks);
            return checks.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while verifying");
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } finally {
            checker.interrupt(); // a no-op once it has finished; stops it when the reader failed
        }
    }

    /** Queues a batch, giving up if the checking thread has died (its exception surfaces from get()). */
    private static void hand(BlockingQueue<EntryBatch> queue, EntryBatch batch, FutureTask<?> checks)
            throws IOException {
        try {
            while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                if (checks.isDone()) {
                    checks.get();
                    throw new IllegalStateException("the verifying thread stopped early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while verifying");
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable cause) throws IOException {
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(cause);
    }
}
