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
public final class SealedFindings {

    private final EntrySealer sealer;
    private EntrySealer.Session session;
    private final int keyVersion;
    private final String tenant;
    private final Clock clock;
    private final List<VaultEntry> entries = new ArrayList<>();

    SealedFindings(EntrySealer sealer, String tenant, Clock clock) {
        this.sealer = sealer;
        this.keyVersion = sealer.keyVersion();
        this.tenant = tenant;
        this.clock = clock;
    }

    /** Seals {@code plaintext} and answers the id of its entry; the description names where, never what. */
    public String seal(String category, String path, String direction, String plaintext) {
        String id = UUID.randomUUID().toString();
        byte[] bytes = plaintext.getBytes(StandardCharsets.UTF_8);
        if (session == null) {
            session = sealer.session();
        }
        byte[] sealed = session.seal(id, tenant, bytes);
        Arrays.fill(bytes, (byte) 0);
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
}
