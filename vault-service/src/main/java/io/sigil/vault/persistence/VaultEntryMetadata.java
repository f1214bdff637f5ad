package io.sigil.vault.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * What may be shown about a stored vault entry: everything but its ciphertext, of which only the length is
 * told.
 *
 * @param id the entry's UUID
 * @param description human-readable context for the audit trail
 * @param createdAt when the entry was sealed
 * @param tags categorisation labels
 * @param tenant the tenant that owns the entry
 * @param keyVersion the version of the key that sealed it
 * @param ciphertextLength the ciphertext's size in bytes
 */
public record VaultEntryMetadata(
        String id,
        String description,
        @JsonProperty("created_at") Instant createdAt,
        List<String> tags,
        String tenant,
        @JsonProperty("key_version") int keyVersion,
        @JsonProperty("ciphertext_length") int ciphertextLength) {}
