package io.sigil.gateway.pipeline;

import java.util.concurrent.CompletionStage;

/**
 * One step of the gateway's per-request chain. A stage reads and annotates the {@link Exchange} and returns
 * a {@link StageResult}; it throws only for broken invariants, which the chain turns into a refusal.
 */
public interface Stage {

    /** The name under which the stage appears in configuration, logs and audit events. */
    String name();

    CompletionStage<StageResult> apply(Exchange exchange);

    /**
     * Whether the stage still runs after an earlier stage answered or refused: audit does, so that
     * refusals are recorded too.
     */
    default boolean runsAfterTermination() {
        return false;
    }
}
