package io.sigil.gateway.vault;

import io.sigil.core.model.VaultEntry;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Makes sealed entries durable; the stage completes when all of them are, and fails if any cannot be. */
@FunctionalInterface
public interface VaultWriter {

    CompletionStage<Void> write(List<VaultEntry> entries);
}
