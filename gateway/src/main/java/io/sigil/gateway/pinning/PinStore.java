package io.sigil.gateway.pinning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where pins are kept. A failed stage means the store cannot be used, and the gateway refuses the call. */
public interface PinStore {

    /** Every recorded version of the tool, oldest first. */
    CompletionStage<List<ToolPin>> versions(String upstream, String tool);

    /** Records a version unless it is already recorded; true when this call recorded it. */
    CompletionStage<Boolean> insert(ToolPin pin);

    /**
     * Approves the given version, or the newest pending one when no digest is given; empty when there is no
     * such version. A version already approved is returned unchanged.
     */
    CompletionStage<Optional<ToolPin>> approve(
            String upstream, String tool, Optional<String> digest, String by, Instant at);

    /** Every version of every tool, by upstream and tool. */
    CompletionStage<List<ToolPin>> all();
}
