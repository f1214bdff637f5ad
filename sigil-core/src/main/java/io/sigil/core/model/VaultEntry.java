package io.sigil.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An encrypted vault record (seed 004), extended with the tenant and the key version that sealed it.
 * It never holds plaintext.
 *
 * @param id a UUID v4, unique per entry
 * @param ciphertext the sealed payload; its format belongs to the vault provider
 * @param description human-readable context for the audit trail
 * @param createdAt when the entry was sealed
 * @param tags categorisation labels
 * @param tenant the tenant that owns the entry
 * @param keyVersion the version of the key that sealed it, so that keys can rotate
 */
public record VaultEntry(
        String id,
        byte[] ciphertext,
        String description,
        @JsonProperty("created_at") Instant createdAt,
        List<String> tags,
        String tenant,
        @JsonProperty("key_version") int keyVersion) {

    public VaultEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(createdAt, "createdAt");
        ciphertext = ciphertext.clone();
        description = description == null ? "" : description;
        tags = tags == null ? List.of() : List.copyOf(tags);
        tenant = tenant == null ? "default" : tenant;
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VaultEntry that
                && id.equals(that.id)
                && Arrays.equals(ciphertext, that.ciphertext)
                && description.equals(that.description)
                && createdAt.equals(that.createdAt)
                && tags.equals(that.tags)
                && tenant.equals(that.tenant)
                && keyVersion == that.keyVersion;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Arrays.hashCode(ciphertext), description, createdAt, tags, tenant, keyVersion);
    }

    @Override
    public String toString() {
        return "VaultEntry[id=" + id + ", bytes=" + ciphertext.length + ", tags=" + tags + ", tenant=" + tenant
                + ", keyVersion=" + keyVersion + "]";
    }
}
