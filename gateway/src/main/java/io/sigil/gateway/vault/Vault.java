package io.sigil.gateway.vault;

import io.sigil.core.vault.EntrySealer;
import java.time.Clock;

/** The gateway's side of the vault: seals findings with the vault's public key and hands the entries to a writer. */
public final class Vault {

    private final EntrySealer sealer;
    private final String tenant;
    private final Clock clock;
    private final VaultWriter writer;

    public Vault(EntrySealer sealer, String tenant, Clock clock, VaultWriter writer) {
        this.sealer = sealer;
        this.tenant = tenant;
        this.clock = clock;
        this.writer = writer;
    }

    /** A new batch for one scan: one key agreement, however many findings it seals. */
    public SealedFindings batch() {
        return new SealedFindings(sealer, tenant, clock);
    }

    public VaultWriter writer() {
        return writer;
    }
}
