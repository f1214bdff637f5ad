package io.sigil.audit.sealing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the sealer's batches on a thread of its own, at most one batch behind: while one batch's transaction is
 * written and committed (its WAL flush included), the sealer seals the next. Batches are written in the order they
 * are handed over; a failed write is reported at the next hand-off or wait, after which the sealer re-reads its
 * position from the store.
 */
final class BatchWriter implements AutoCloseable {

    /** One batch's write: the transaction and what follows its commit. */
    @FunctionalInterface
    interface Write {
        void run() throws Exception;
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread writer = new Thread(r, "audit-sealer-writer");
        writer.setDaemon(true);
        return writer;
    });
    private Future<?> last = CompletableFuture.completedFuture(null);

    /** Waits until the batch handed over before is written (throwing its failure), then hands over this one. */
    void handOver(Write write) throws Exception {
        awaitWritten();
        last = thread.submit(() -> {
            write.run();
            return null;
        });
    }

    /** Waits until every batch handed over is written; throws the failure of the last one, once. */
    void awaitWritten() throws Exception {
        Future<?> pending = last;
        last = CompletableFuture.completedFuture(null);
        try {
            pending.get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
    }

    /** Waits until the writer is idle, ignoring a failure (the caller is already recovering from one). */
    void drain() {
        try {
            awaitWritten();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // The batch was not committed; the store's position, re-read next, says so.
        }
    }

    @Override
    public void close() {
        drain();
        thread.shutdown();
    }
}
