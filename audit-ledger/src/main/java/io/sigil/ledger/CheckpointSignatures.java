package io.sigil.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;

/** Verifies the signatures of an export's checkpoints on a thread of its own while the records are being checked. */
final class CheckpointSignatures {
    // The first Ed25519 verification in a fresh JVM costs about 0.2 s (class loading, the curve's tables, all
    // interpreted); done by the checking thread before its first record it held up every batch behind it.
    private final FutureTask<Map<Checkpoint, Boolean>> verdicts;

    private CheckpointSignatures(FutureTask<Map<Checkpoint, Boolean>> verdicts) {
        this.verdicts = verdicts;
    }

    /** Starts verifying each checkpoint's signature with {@code publicKey}. */
    static CheckpointSignatures start(Collection<Checkpoint> checkpoints, byte[] publicKey) {
        List<Checkpoint> toVerify = new ArrayList<>(checkpoints);
        FutureTask<Map<Checkpoint, Boolean>> task = new FutureTask<>(() -> {
            Map<Checkpoint, Boolean> valid = new IdentityHashMap<>();
            for (Checkpoint c : toVerify) {
                valid.put(c, CheckpointVerifier.verify(c, publicKey));
            }
            return valid;
        });
        Thread thread = new Thread(task, "checkpoint-signatures");
        thread.setDaemon(true);
        thread.start();
        return new CheckpointSignatures(task);
    }

    /** Whether {@code checkpoint}'s signature verifies; waits for the verdict when asked before it is known. */
    BooleanSupplier verdict(Checkpoint checkpoint) {
        return () -> {
            try {
                Boolean valid = verdicts.get().get(checkpoint);
                if (valid == null) {
                    throw new IllegalArgumentException("no signature check was started for this checkpoint");
                }
                return valid;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying checkpoint signatures", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        };
    }
}
