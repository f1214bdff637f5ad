package io.sigil.identity.persistence;

import io.sigil.core.identity.AgentStatus;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.model.TrustLevel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores and reads agents in the service's own PostgreSQL database. Methods that take a {@link SqlClient} run in
 * the caller's transaction.
 */
@ApplicationScoped
public class AgentRepository {

    private static final String COLUMNS = "did, client_id, owner, allowed_upstreams, max_trust_level, status,"
            + " version, published_version, created_at, updated_at";

    private final Pool pool;

    public AgentRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Inserts the agent at version 1 and returns it as stored, with its timestamps; empty when its DID or client
     * id is already taken (by any agent, revoked ones included).
     */
    public Uni<Optional<StoredAgent>> insert(SqlClient client, RegisteredAgent agent) {
        return client.preparedQuery("insert into agent (did, client_id, owner, allowed_upstreams, max_trust_level,"
                        + " status, version) values ($1, $2, $3, $4, $5, $6, 1) on conflict do nothing returning "
                        + COLUMNS)
                .execute(Tuple.tuple()
                        .addString(agent.did())
                        .addString(agent.clientId())
                        .addString(agent.owner())
                        .addArrayOfString(agent.allowedUpstreams().toArray(String[]::new))
                        .addString(agent.maxTrustLevel().name())
                        .addString(agent.status().wireName()))
                .map(AgentRepository::first);
    }

    /** Reads the agent and locks its row until the transaction ends, so that changes to it are serialised. */
    public Uni<Optional<StoredAgent>> lock(SqlClient client, String did) {
        return client.preparedQuery("select " + COLUMNS + " from agent where did = $1 for update")
                .execute(Tuple.of(did))
                .map(AgentRepository::first);
    }

    /** Writes every field of {@code next} but its DID and creation time; {@code updated_at} becomes now. */
    public Uni<StoredAgent> update(SqlClient client, RegisteredAgent next) {
        return client.preparedQuery("update agent set client_id = $2, owner = $3, allowed_upstreams = $4,"
                        + " max_trust_level = $5, status = $6, version = $7, updated_at = now() where did = $1"
                        + " returning " + COLUMNS)
                .execute(Tuple.tuple()
                        .addString(next.did())
                        .addString(next.clientId())
                        .addString(next.owner())
                        .addArrayOfString(next.allowedUpstreams().toArray(String[]::new))
                        .addString(next.maxTrustLevel().name())
                        .addString(next.status().wireName())
                        .addLong(next.version()))
                .map(rows -> first(rows).orElseThrow(() -> new IllegalStateException(next.did() + " vanished")));
    }

    public Uni<Optional<StoredAgent>> find(String did) {
        return pool.preparedQuery("select " + COLUMNS + " from agent where did = $1")
                .execute(Tuple.of(did))
                .map(AgentRepository::first);
    }

    /** Every agent, ordered by DID. */
    public Uni<List<RegisteredAgent>> list() {
        return pool.query("select " + COLUMNS + " from agent order by did")
                .execute()
                .map(rows -> all(rows).stream().map(StoredAgent::agent).toList());
    }

    /** At most {@code limit} agents whose latest version the identities topic has not acknowledged. */
    public Uni<List<StoredAgent>> unpublished(SqlClient client, int limit) {
        return client.preparedQuery(
                        "select " + COLUMNS + " from agent where published_version < version order by did limit $1")
                .execute(Tuple.of(limit))
                .map(AgentRepository::all);
    }

    /** Records acknowledged versions; a version never moves back, whatever order the acks come in. */
    public Uni<Void> markPublished(SqlClient client, Map<String, Long> versions) {
        if (versions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("update agent set published_version = acked.version from"
                        + " (select unnest($1::text[]) as did, unnest($2::bigint[]) as version) as acked"
                        + " where agent.did = acked.did and agent.published_version < acked.version"
                        + " and acked.version <= agent.version")
                .execute(Tuple.tuple()
                        .addArrayOfString(versions.keySet().toArray(String[]::new))
                        .addArrayOfLong(versions.values().toArray(Long[]::new)))
                .replaceWithVoid();
    }

    private static Optional<StoredAgent> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(toStored(iterator.next())) : Optional.empty();
    }

    private static List<StoredAgent> all(RowSet<Row> rows) {
        List<StoredAgent> agents = new ArrayList<>();
        rows.forEach(row -> agents.add(toStored(row)));
        return agents;
    }

    private static StoredAgent toStored(Row row) {
        RegisteredAgent agent = new RegisteredAgent(
                row.getString("did"),
                row.getString("client_id"),
                row.getString("owner"),
                Arrays.asList(row.getArrayOfStrings("allowed_upstreams")),
                TrustLevel.valueOf(row.getString("max_trust_level")),
                AgentStatus.fromWire(row.getString("status")),
                row.getLong("version"),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
        return new StoredAgent(agent, row.getLong("published_version"));
    }
}
