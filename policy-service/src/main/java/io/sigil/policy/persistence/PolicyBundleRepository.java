package io.sigil.policy.persistence;

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

/** Stores and reads policy bundles in the service's own PostgreSQL database. */
@ApplicationScoped
public class PolicyBundleRepository {

    private static final String COLUMNS = "id, version, content::text as content, created_at";

    private final Pool pool;
    private final ObjectMapper mapper;

    public PolicyBundleRepository(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /** Inserts the bundle and returns it as stored; empty when this id and version already exist. */
    public Uni<Optional<PolicyBundle>> insert(PolicyBundle bundle) {
        String content;
        try {
            content = mapper.writeValueAsString(bundle.content());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("policy content is not serialisable", e));
        }
        // Only a version above every stored version of the id is inserted: the compacted topic keeps the
        // last record per id, so an older version published late would otherwise win.
        return pool.preparedQuery("insert into policy_bundle (id, version, content)"
                        + " select $1, $2, $3::text::jsonb where not exists"
                        + " (select 1 from policy_bundle where id = $1 and version >= $2)"
                        + " on conflict do nothing returning " + COLUMNS)
                .execute(Tuple.of(bundle.id(), bundle.version(), content))
                .map(this::first);
    }

    /** Every stored version, ordered by id and version. */
    public Uni<List<PolicyBundle>> list() {
        return pool.query("select " + COLUMNS + " from policy_bundle order by id, version")
                .execute()
                .map(set -> {
                    List<PolicyBundle> bundles = new ArrayList<>();
                    set.forEach(row -> bundles.add(toBundle(row)));
                    return bundles;
                });
    }

    private Optional<PolicyBundle> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(toBundle(iterator.next())) : Optional.empty();
    }

    private PolicyBundle toBundle(Row row) {
        try {
            return new PolicyBundle(
                    row.getString("id"),
                    row.getInteger("version"),
                    mapper.readTree(row.getString("content")),
                    row.getOffsetDateTime("created_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored policy content is not JSON", e);
        }
    }
}
