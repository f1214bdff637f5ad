package io.sigil.audit.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Stores and reads audit records in the service's own PostgreSQL database. */
@ApplicationScoped
public class AuditRecordRepository {

    private static final String COLUMNS = "id, kafka_partition, kafka_offset, audit_id, source, class_uid, activity,"
            + " actor, outcome, event_time, event, well_formed, stored_at";

    private final Pool pool;

    public AuditRecordRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts the record unless its topic position is already stored: redelivery is a no-op. */
    public Uni<Boolean> insert(AuditRecord record) {
        return pool.preparedQuery(
                        "insert into audit_record (kafka_partition, kafka_offset, audit_id, source, class_uid,"
                                + " activity, actor, outcome, event_time, event, well_formed)"
                                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
                                + " on conflict (kafka_partition, kafka_offset) do nothing")
                .execute(Tuple.tuple()
                        .addInteger(record.partition())
                        .addLong(record.offset())
                        .addString(record.auditId())
                        .addString(record.source())
                        .addInteger(record.classUid())
                        .addString(record.activity())
                        .addString(record.actor())
                        .addString(record.outcome())
                        .addOffsetDateTime(
                                record.eventTime() == null
                                        ? null
                                        : OffsetDateTime.ofInstant(record.eventTime(), ZoneOffset.UTC))
                        .addString(record.event())
                        .addBoolean(record.wellFormed()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The newest records first, optionally only those of one audit id. */
    public Uni<List<AuditRecord>> find(String auditId, int limit) {
        Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> rows = auditId == null
                ? pool.preparedQuery("select " + COLUMNS + " from audit_record order by id desc limit $1")
                        .execute(Tuple.of(limit))
                : pool.preparedQuery("select " + COLUMNS
                                + " from audit_record where audit_id = $1 order by id desc limit $2")
                        .execute(Tuple.of(auditId, limit));
        return rows.map(set -> {
            List<AuditRecord> records = new ArrayList<>();
            set.forEach(row -> records.add(toRecord(row)));
            return records;
        });
    }

    private static AuditRecord toRecord(Row row) {
        OffsetDateTime eventTime = row.getOffsetDateTime("event_time");
        return new AuditRecord(
                row.getLong("id"),
                row.getInteger("kafka_partition"),
                row.getLong("kafka_offset"),
                row.getString("audit_id"),
                row.getString("source"),
                row.getInteger("class_uid"),
                row.getString("activity"),
                row.getString("actor"),
                row.getString("outcome"),
                eventTime == null ? null : eventTime.toInstant(),
                row.getString("event"),
                row.getBoolean("well_formed"),
                row.getOffsetDateTime("stored_at").toInstant());
    }
}
