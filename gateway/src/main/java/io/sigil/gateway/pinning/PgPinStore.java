package io.sigil.gateway.pinning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Keeps pins in the gateway's own PostgreSQL database (table {@code tool_pin}). */
@ApplicationScoped
public class PgPinStore implements PinStore {

    private static final String COLUMNS =
            "upstream, tool, digest, definition, first_seen, status, change_of, markers, approved_by, approved_at";

    private final Pool pool;
    private final ObjectMapper mapper;

    public PgPinStore(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    @Override
    public CompletionStage<List<ToolPin>> versions(String upstream, String tool) {
        return pool.preparedQuery("select " + COLUMNS + " from tool_pin where upstream = $1 and tool = $2"
                        + " order by first_seen, digest")
                .execute(Tuple.of(upstream, tool))
                .map(this::pins)
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Boolean> insert(ToolPin pin) {
        Tuple values = Tuple.tuple()
                .addString(pin.upstream())
                .addString(pin.tool())
                .addString(pin.digest())
                .addValue(new JsonObject(json(pin.definition())))
                .addOffsetDateTime(utc(pin.firstSeen()))
                .addString(pin.status())
                .addString(pin.changeOf())
                .addArrayOfString(pin.markers().toArray(String[]::new));
        return pool.preparedQuery("insert into tool_pin (upstream, tool, digest, definition, first_seen, status,"
                        + " change_of, markers) values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing")
                .execute(values)
                .map(rows -> rows.rowCount() == 1)
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Optional<ToolPin>> approve(
            String upstream, String tool, Optional<String> digest, String by, Instant at) {
        // Without a digest, the newest pending version is meant; an approved one keeps who approved it and when.
        Tuple values = Tuple.tuple()
                .addString(upstream)
                .addString(tool)
                .addString(digest.orElse(null))
                .addString(by)
                .addOffsetDateTime(utc(at));
        return pool.preparedQuery("update tool_pin set"
                        + " approved_by = case when status = 'pending' then $4 else approved_by end,"
                        + " approved_at = case when status = 'pending' then $5 else approved_at end,"
                        + " status = 'approved'"
                        + " where upstream = $1 and tool = $2 and digest = coalesce($3, (select digest from tool_pin"
                        + " where upstream = $1 and tool = $2 and status = 'pending' order by first_seen desc limit 1))"
                        + " returning " + COLUMNS)
                .execute(values)
                .map(rows -> pins(rows).stream().findFirst())
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<ToolPin>> all() {
        return pool.query("select " + COLUMNS + " from tool_pin order by upstream, tool, first_seen")
                .execute()
                .map(this::pins)
                .subscribeAsCompletionStage();
    }

    private List<ToolPin> pins(RowSet<Row> rows) {
        List<ToolPin> pins = new ArrayList<>();
        for (Row row : rows) {
            pins.add(new ToolPin(
                    row.getString("upstream"),
                    row.getString("tool"),
                    row.getString("digest"),
                    tree(row.getJsonObject("definition")),
                    instant(row.getOffsetDateTime("first_seen")),
                    row.getString("status"),
                    row.getString("change_of"),
                    Arrays.asList(row.getArrayOfStrings("markers")),
                    row.getString("approved_by"),
                    instant(row.getOffsetDateTime("approved_at"))));
        }
        return pins;
    }

    private String json(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree could not be written", impossible);
        }
    }

    private JsonNode tree(JsonObject json) {
        try {
            return mapper.readTree(json.encode());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("PostgreSQL returned invalid jsonb", impossible);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
