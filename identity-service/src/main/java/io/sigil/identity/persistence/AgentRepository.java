package io.sigil.identity.persistence;

import io.sigil.core.model.TrustLevel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Stores and reads agents in the service's own PostgreSQL database. */
@ApplicationScoped
public class AgentRepository {

    private static final String COLUMNS =
            "did, client_id, owner, allowed_upstreams, max_trust_level, status, created_at, updated_at";

    private final Pool pool;

    public AgentRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Inserts the agent and returns it as stored, with its timestamps; empty when its DID or client id is
     * already taken.
     */
    public Uni<Optional<Agent>> insert(Agent agent) {
        return pool.preparedQuery("insert into agent (did, client_id, owner, allowed_upstreams, max_trust_level,"
                        + " status) values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning " + COLUMNS)
                .execute(Tuple.tuple()
                        .addString(agent.did())
                        .addString(agent.clientId())
                        .addString(agent.owner())
                        .addArrayOfString(agent.allowedUpstreams().toArray(String[]::new))
                        .addString(agent.maxTrustLevel().name())
                        .addString(agent.status().wireName()))
                .map(AgentRepository::first);
    }

    public Uni<Optional<Agent>> find(String did) {
        return pool.preparedQuery("select " + COLUMNS + " from agent where did = $1")
                .execute(Tuple.of(did))
                .map(AgentRepository::first);
    }

    /** Every agent, ordered by DID. */
    public Uni<List<Agent>> list() {
        return pool.query("select " + COLUMNS + " from agent order by did")
                .execute()
                .map(set -> {
                    List<Agent> agents = new ArrayList<>();
                    set.forEach(row -> agents.add(toAgent(row)));
                    return agents;
                });
    }

    private static Optional<Agent> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(toAgent(iterator.next())) : Optional.empty();
    }

    private static Agent toAgent(Row row) {
        return new Agent(
                row.getString("did"),
                row.getString("client_id"),
                row.getString("owner"),
                Arrays.asList(row.getArrayOfStrings("allowed_upstreams")),
                TrustLevel.valueOf(row.getString("max_trust_level")),
                AgentStatus.fromWire(row.getString("status")),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }
}
