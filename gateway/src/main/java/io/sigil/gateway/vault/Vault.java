package io.sigil.gateway.vault;

import io.sigil.core.vault.EntrySealer;
import java.time.Clock;

/** The gateway's side of the vault: seals findings with the vault's public key and hands the entries to a writer. */
public final class Vault {

    /** The largest that still fits a default broker's 1 MB message once sealed and encoded. */
    public static final int LARGEST_MAX_ENTRY_BYTES = 700_000;

    private final EntrySealer sealer;
    private final String tenant;
    private final Clock clock;
    private final VaultWriter writer;
    private final int maxEntryBytes;

    /** @param maxEntryBytes the largest finding, in UTF-8 bytes, that one entry holds */
    public Vault(EntrySealer sealer, String tenant, Clock clock, VaultWriter writer, int maxEntryBytes) {
        this.maxEntryBytes = maxEntryBytes;
        this.sealer = sealer;
        this.tenant = tenant;
        this.clock = clock;
        this.writer = writer;
    }

    /** A new batch for one scan: one key agreement, however many findings it seals. */
    public SealedFindings batch() {
        return new SealedFindings(sealer, tenant, clock, maxEntryBytes);
    }

    public VaultWriter writer() {
        return writer;
    }
}
