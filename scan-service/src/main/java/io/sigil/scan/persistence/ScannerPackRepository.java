package io.sigil.scan.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stores and reads scanner packs in the service's own PostgreSQL database. */
@ApplicationScoped
public class ScannerPackRepository {

    private static final String COLUMNS =
            "id, version, status, definition::text as definition, verification::text as verification, published,"
                    + " created_at";

    private final Pool pool;
    private final ObjectMapper mapper;

    public ScannerPackRepository(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /** Inserts the pack and returns it as stored; empty when this id and version already exist. */
    public Uni<Optional<ScannerPack>> insert(ScannerPack pack) {
        String definition;
        String verification;
        try {
            definition = mapper.writeValueAsString(pack.definition());
            verification = mapper.writeValueAsString(pack.verification());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("scanner definition is not serialisable", e));
        }
        return pool.preparedQuery("insert into scanner_pack (id, version, status, definition, verification)"
                        + " values ($1, $2, $3, $4::text::jsonb, $5::text::jsonb) on conflict do nothing returning "
                        + COLUMNS)
                .execute(Tuple.of(pack.id(), pack.version(), pack.status().wireName(), definition, verification))
                .map(this::first);
    }

    /** Records that the broker acknowledged this version's announcement. */
    public Uni<Void> markPublished(String id, String version) {
        return pool.preparedQuery("update scanner_pack set published = true where id = $1 and version = $2")
                .execute(Tuple.of(id, version))
                .replaceWithVoid();
    }

    /** Verified versions whose announcement was never acknowledged. */
    public Uni<List<ScannerPack>> unpublished() {
        return pool.query("select " + COLUMNS + " from scanner_pack where status = 'verified' and not published"
                        + " order by created_at")
                .execute()
                .map(set -> {
                    List<ScannerPack> packs = new ArrayList<>();
                    set.forEach(row -> packs.add(toPack(row)));
                    return packs;
                });
    }

    /** Every stored version, ordered by id and version. */
    public Uni<List<ScannerPack>> list() {
        return pool.query("select " + COLUMNS + " from scanner_pack order by id, version")
                .execute()
                .map(set -> {
                    List<ScannerPack> packs = new ArrayList<>();
                    set.forEach(row -> packs.add(toPack(row)));
                    return packs;
                });
    }

    private Optional<ScannerPack> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(toPack(iterator.next())) : Optional.empty();
    }

    private ScannerPack toPack(Row row) {
        try {
            return new ScannerPack(
                    row.getString("id"),
                    row.getString("version"),
                    ScannerPackStatus.fromWire(row.getString("status")),
                    mapper.readTree(row.getString("definition")),
                    row.getString("verification") == null ? null : mapper.readTree(row.getString("verification")),
                    row.getBoolean("published"),
                    row.getOffsetDateTime("created_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored scanner definition is not JSON", e);
        }
    }
}
