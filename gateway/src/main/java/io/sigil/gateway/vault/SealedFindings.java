package io.sigil.gateway.vault;

import io.sigil.core.model.VaultEntry;
import io.sigil.core.vault.EntrySealer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The findings of one scan, sealed as they are replaced: each gets a new vault id, which its pointer's
 * interception names, and an entry that waits here until it is written. The key agreement is made at the first
 * finding, so a clean scan costs nothing. Not thread-safe: one scan, one thread.
 */
public final class SealedFindings implements AutoCloseable {

    private final EntrySealer sealer;
    private EntrySealer.Session session;
    private final int keyVersion;
    private final String tenant;
    private final Clock clock;
    private final int maxEntryBytes;
    private final List<VaultEntry> entries = new ArrayList<>();

    SealedFindings(EntrySealer sealer, String tenant, Clock clock, int maxEntryBytes) {
        this.sealer = sealer;
        this.maxEntryBytes = maxEntryBytes;
        this.keyVersion = sealer.keyVersion();
        this.tenant = tenant;
        this.clock = clock;
    }

    /**
     * Seals {@code plaintext} and answers the id of its entry; the description names where, never what.
     *
     * @throws VaultSealException if the finding is larger than an entry may be, or cannot be sealed
     */
    public String seal(String category, String path, String direction, String plaintext) {
        String id = UUID.randomUUID().toString();
        byte[] bytes = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] sealed;
        try {
            if (bytes.length > maxEntryBytes) {
                throw new VaultSealException(
                        "a finding of " + bytes.length + " bytes is larger than a vault entry may be"
                                + " (sigil.gateway.vault.max-entry-bytes=" + maxEntryBytes + ")");
            }
            if (session == null) {
                session = sealer.session();
            }
            sealed = session.seal(id, tenant, bytes);
        } catch (RuntimeException failed) {
            throw failed instanceof VaultSealException refused
                    ? refused
                    : new VaultSealException("a finding could not be sealed ("
                            + failed.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        entries.add(new VaultEntry(
                id,
                sealed,
                category + " at " + path + " (" + direction + ")",
                clock.instant(),
                List.of(category, direction),
                tenant,
                keyVersion));
        return id;
    }

    public List<VaultEntry> entries() {
        return List.copyOf(entries);
    }

    /** Wipes the session's secret: what was sealed can no longer be opened with anything the gateway holds. */
    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }
}
