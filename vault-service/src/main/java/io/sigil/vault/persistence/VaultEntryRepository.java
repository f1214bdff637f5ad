package io.sigil.vault.persistence;

import io.sigil.core.model.VaultEntry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Stores vault entries in the service's own PostgreSQL database; reads back their metadata, and their seals for opening. */
@ApplicationScoped
public class VaultEntryRepository {

    private final Pool pool;

    public VaultEntryRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts the entry unless its id, a UUID, is already stored: redelivery is a no-op. */
    public Uni<Boolean> insert(VaultEntry entry) {
        return pool.preparedQuery("insert into vault_entry (id, ciphertext, description, created_at, tags, tenant,"
                        + " key_version) values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing")
                .execute(Tuple.tuple()
                        .addUUID(UUID.fromString(entry.id()))
                        .addBuffer(Buffer.buffer(entry.ciphertext()))
                        .addString(entry.description())
                        .addOffsetDateTime(OffsetDateTime.ofInstant(entry.createdAt(), ZoneOffset.UTC))
                        .addArrayOfString(entry.tags().toArray(String[]::new))
                        .addString(entry.tenant())
                        .addInteger(entry.keyVersion()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The entry's metadata; the ciphertext itself is never read, only its length. */
    public Uni<Optional<VaultEntryMetadata>> findMetadata(UUID id) {
        return pool.preparedQuery("select id, description, created_at, tags, tenant, key_version,"
                        + " octet_length(ciphertext) as ciphertext_length from vault_entry where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    var iterator = rows.iterator();
                    return iterator.hasNext() ? Optional.of(toMetadata(iterator.next())) : Optional.empty();
                });
    }

    /** The sealed bytes and tenant of an entry, for {@code EntryVault} alone: they never leave through REST. */
    public Uni<Optional<SealedEntry>> findSealed(UUID id) {
        return pool.preparedQuery("select tenant, key_version, ciphertext from vault_entry where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    var iterator = rows.iterator();
                    if (!iterator.hasNext()) {
                        return Optional.<SealedEntry>empty();
                    }
                    Row row = iterator.next();
                    return Optional.of(new SealedEntry(
                            row.getString("tenant"),
                            row.getInteger("key_version"),
                            row.getBuffer("ciphertext").getBytes()));
                });
    }

    private static VaultEntryMetadata toMetadata(Row row) {
        return new VaultEntryMetadata(
                row.getUUID("id").toString(),
                row.getString("description"),
                row.getOffsetDateTime("created_at").toInstant(),
                Arrays.asList(row.getArrayOfStrings("tags")),
                row.getString("tenant"),
                row.getInteger("key_version"),
                row.getInteger("ciphertext_length"));
    }
}
