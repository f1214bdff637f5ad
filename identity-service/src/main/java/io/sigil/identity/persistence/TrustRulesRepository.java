package io.sigil.identity.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.sigil.core.identity.TrustRules;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Stores the versioned trust-rules documents; the newest version is the one in force. Methods that take a
 * {@link SqlClient} run in the caller's transaction.
 */
@ApplicationScoped
public class TrustRulesRepository {

    /** Serialises writers of the rules across every instance of the service (a transaction-scoped lock). */
    private static final long WRITE_LOCK = 0x5161_4c00_0000_0002L;

    private final Pool pool;
    private final ObjectMapper mapper;
    private final ObjectReader lenient;

    public TrustRulesRepository(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
        // Requests are read strictly; a stored document written by an older or newer release is read as it is.
        this.lenient = mapper.readerFor(TrustRules.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The rules in force; empty before the first start has stored the defaults. */
    public Uni<Optional<TrustRules>> current() {
        return pool.query("select rules::text as rules, published from trust_rules order by version desc limit 1")
                .execute()
                .map(rows -> first(rows).map(StoredTrustRules::rules));
    }

    /** The newest rules when the identities topic has not acknowledged them yet. */
    public Uni<Optional<StoredTrustRules>> unpublished(SqlClient client) {
        return client.query("select rules::text as rules, published from trust_rules order by version desc limit 1")
                .execute()
                .map(rows -> first(rows).filter(stored -> !stored.published()));
    }

    /** The version the next change gets; takes the write lock, so call it inside the writing transaction. */
    public Uni<Long> lockNextVersion(SqlClient client) {
        return client.preparedQuery("select pg_advisory_xact_lock($1)")
                .execute(Tuple.of(WRITE_LOCK))
                .flatMap(locked -> client.query("select coalesce(max(version), 0) + 1 as next from trust_rules")
                        .execute())
                .map(rows -> rows.iterator().next().getLong("next"));
    }

    /** Stores {@code rules} under their own version, which must be the one {@link #lockNextVersion} gave. */
    public Uni<TrustRules> insert(SqlClient client, TrustRules rules, String changedBy, String reason) {
        return client.preparedQuery(
                        "insert into trust_rules (version, rules, changed_by, reason) values ($1, cast($2 as text)::jsonb, $3, $4)")
                .execute(Tuple.of(rules.version(), json(rules), changedBy, reason))
                .replaceWith(rules);
    }

    public Uni<Void> markPublished(SqlClient client, long version) {
        return client.preparedQuery("update trust_rules set published = true where version <= $1 and not published")
                .execute(Tuple.of(version))
                .replaceWithVoid();
    }

    private String json(TrustRules rules) {
        try {
            return mapper.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("trust rules are not serialisable", e);
        }
    }

    private Optional<StoredTrustRules> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        if (!iterator.hasNext()) {
            return Optional.empty();
        }
        Row row = iterator.next();
        try {
            return Optional.of(
                    new StoredTrustRules(lenient.readValue(row.getString("rules")), row.getBoolean("published")));
        } catch (JsonProcessingException e) {
            // Only this service writes the table, always from a validated TrustRules: a broken row is a bug.
            throw new IllegalStateException("stored trust rules are not readable", e);
        }
    }
}
