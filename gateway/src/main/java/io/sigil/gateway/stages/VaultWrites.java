package io.sigil.gateway.stages;

import io.sigil.core.mcp.JsonRpcError;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.vault.SealedFindings;
import io.sigil.gateway.vault.Vault;
import io.sigil.gateway.vault.VaultSealException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/** Waits for a scan's sealed findings to be durable: then the stage's result, else a refusal (fail closed). */
final class VaultWrites {

    static final String UNAVAILABLE = "the findings could not be sealed in the vault";
    private static final Logger LOG = Logger.getLogger(VaultWrites.class);

    private VaultWrites() {}

    static CompletionStage<StageResult> then(Vault vault, SealedFindings sealed, StageResult result) {
        if (sealed.entries().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        return vault.writer().write(sealed.entries()).handle((written, failure) -> {
            if (failure == null) {
                return result;
            }
            // Only the type: a broker's message may name the record, never the finding.
            LOG.warnf(
                    "%d vault entries not written (%s); refused",
                    sealed.entries().size(), cause(failure));
            return StageResult.reject(JsonRpcError.VAULT_UNAVAILABLE, UNAVAILABLE + "; refused", 503);
        });
    }

    /**
     * For what has no stage to complete (a notification on its way): waits for the write, at most the writer's ack
     * timeout, and answers whether it was made durable.
     */
    static boolean awaited(Vault vault, SealedFindings sealed) {
        if (sealed.entries().isEmpty()) {
            return true;
        }
        try {
            vault.writer().write(sealed.entries()).toCompletableFuture().join();
            return true;
        } catch (CompletionException | java.util.concurrent.CancellationException failure) {
            LOG.warnf(
                    "%d vault entries of a notification not written (%s)",
                    sealed.entries().size(), cause(failure));
            return false;
        }
    }

    /** The refusal of a call or answer with a finding that could not be sealed; names the reason, never the value. */
    static StageResult refusal(VaultSealException unsealable) {
        LOG.warnf("a finding could not be sealed: %s; refused", unsealable.getMessage());
        return StageResult.reject(JsonRpcError.VAULT_UNAVAILABLE, unsealable.getMessage() + "; refused", 503);
    }

    private static String cause(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName();
    }
}
