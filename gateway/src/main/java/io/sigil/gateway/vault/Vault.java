package io.sigil.gateway.vault;

import io.sigil.core.vault.EntrySealer;
import java.time.Clock;

/** The gateway's side of the vault: seals findings with the vault's public key and hands the entries to a writer. */
public final class Vault {

    /**
     * Sealed and encoded as JSON, an entry of this much plaintext stays well below a Kafka broker's default largest
     * message (1 MB).
     */
    public static final int DEFAULT_MAX_ENTRY_BYTES = 262_144;

    /** The largest that still fits a default broker's 1 MB message once sealed and encoded. */
    public static final int LARGEST_MAX_ENTRY_BYTES = 700_000;

    private final EntrySealer sealer;
    private final String tenant;
    private final Clock clock;
    private final VaultWriter writer;
    private final int maxEntryBytes;

    /** A vault whose entries hold at most 256 KiB of plaintext each. */
    public Vault(EntrySealer sealer, String tenant, Clock clock, VaultWriter writer) {
        this(sealer, tenant, clock, writer, DEFAULT_MAX_ENTRY_BYTES);
    }

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
