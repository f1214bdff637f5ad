package io.sigil.vault.keys;

import io.sigil.core.spi.VaultProvider.VaultException;
import io.sigil.vault.persistence.VaultEntryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens stored entries with the vault's private key (seed 004's {@code decrypt}). Callers must have been authorised
 * and must audit the opening; nothing here decides who may.
 */
@ApplicationScoped
public class EntryVault {

    private final VaultEntryRepository repository;
    private final VaultKeys keys;

    public EntryVault(VaultEntryRepository repository, VaultKeys keys) {
        this.repository = repository;
        this.keys = keys;
    }

    /** The plaintext of a stored entry; empty when no entry has the id, a failure when it does not open. */
    public Uni<Optional<byte[]>> open(UUID id) {
        return repository
                .findSealed(id)
                .map(found -> found.map(entry -> {
                    try {
                        return keys.opener()
                                .open(id.toString(), entry.tenant(), entry.keyVersion(), entry.ciphertext());
                    } catch (VaultException refused) {
                        throw new IllegalStateException(refused.getMessage(), refused);
                    }
                }));
    }

    public Uni<Boolean> exists(UUID id) {
        return repository.findMetadata(id).map(Optional::isPresent);
    }
}
