package io.sigil.audit.store;

import io.sigil.audit.sealing.EventFacts;
import io.sigil.ledger.SealedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Reads of the sealed store: whole chains in order (verification, export, feeds) and the SOC's queries. */
@ApplicationScoped
public class RecordStore {

    private static final String COLUMNS = "id, chain, seq, kafka_offset, epoch, sealed_at, event, event_sha256,"
            + " prev_mac, mac, well_formed, audit_id, event_time, class_uid, activity, source, actor, outcome, tool";

    private final DataSource dataSource;

    public RecordStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<String> chains() throws SQLException {
        List<String> chains = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select chain from audit_chain order by chain");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                chains.add(rows.getString(1));
            }
        }
        return chains;
    }

    /**
     * Up to {@code limit} records of a chain from a sequence number on, in order.
     *
     * <p>Asked first for the sequence numbers {@code [fromSeq, fromSeq + limit)}: with only {@code seq >= ?} and
     * statistics that lag a fast-growing table, PostgreSQL chose a bitmap scan of everything after {@code fromSeq}
     * and sorted it on disk to return {@code limit} rows — hundreds of MB per call while the feeds were behind the
     * sealer (docs/benchmarks.md). Sequence numbers are unique per chain, so a full answer to the bounded query is
     * exactly the first {@code limit} records; any other answer (the chain's end, a gap in a damaged store, a
     * reader starting below 0) is asked again unbounded, so the result is always what the unbounded query gives.
     */
    public List<StoredRecord> from(String chain, long fromSeq, int limit) throws SQLException {
        if (limit > 0 && fromSeq <= Long.MAX_VALUE - limit) {
            List<StoredRecord> bounded = select(
                    "select " + COLUMNS + " from audit_record where chain = ? and seq >= ? and seq < ?"
                            + " order by seq limit ?",
                    chain,
                    fromSeq,
                    fromSeq + limit,
                    limit);
            if (bounded.size() == limit) {
                return bounded;
            }
        }
        return select(
                "select " + COLUMNS + " from audit_record where chain = ? and seq >= ? order by seq limit ?",
                chain,
                fromSeq,
                null,
                limit);
    }

    private List<StoredRecord> select(String sql, String chain, long fromSeq, Long toSeq, int limit)
            throws SQLException {
        List<StoredRecord> records = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            int at = 1;
            select.setString(at++, chain);
            select.setLong(at++, fromSeq);
            if (toSeq != null) {
                select.setLong(at++, toSeq);
            }
            select.setInt(at, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(read(rows));
                }
            }
        }
        return records;
    }

    /** Streams a whole chain in stored sequence order, without holding it in memory. */
    public void forEach(String chain, Consumer<StoredRecord> sink) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + " from audit_record where chain = ? order by seq")) {
                select.setFetchSize(5_000);
                select.setString(1, chain);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(read(rows));
                    }
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /** The SOC's query, newest first. */
    public List<StoredRecord> query(AuditQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_record where true");
        List<Object> args = new ArrayList<>();
        filter(sql, args, "audit_id = ?", query.auditId());
        filter(sql, args, "event_time >= ?", query.from() == null ? null : Timestamp.from(query.from()));
        filter(sql, args, "event_time < ?", query.to() == null ? null : Timestamp.from(query.to()));
        filter(sql, args, "actor = ?", query.actor());
        filter(sql, args, "tool = ?", query.tool());
        filter(sql, args, "class_uid / 1000 = ?", query.category());
        filter(sql, args, "class_uid = ?", query.classUid());
        filter(sql, args, "outcome = ?", query.outcome());
        filter(sql, args, "id < ?", query.before());
        sql.append(" order by id desc limit ?");
        args.add(query.limit());
        List<StoredRecord> records = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(read(rows));
                }
            }
        }
        return records;
    }

    private static void filter(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            args.add(value);
        }
    }

    private static StoredRecord read(ResultSet rows) throws SQLException {
        Timestamp eventTime = rows.getTimestamp(13);
        int classUid = rows.getInt(14);
        Integer classOrNull = rows.wasNull() ? null : classUid;
        SealedRecord sealed = new SealedRecord(
                rows.getString(2),
                rows.getLong(3),
                rows.getLong(4),
                rows.getLong(5),
                rows.getTimestamp(6).toInstant(),
                rows.getString(7),
                rows.getBytes(8),
                rows.getBytes(9),
                rows.getBytes(10));
        EventFacts facts = new EventFacts(
                rows.getBoolean(11),
                rows.getString(12),
                eventTime == null ? null : eventTime.toInstant(),
                classOrNull,
                rows.getString(15),
                rows.getString(16),
                rows.getString(17),
                rows.getString(18),
                rows.getString(19));
        return new StoredRecord(rows.getLong(1), sealed, facts);
    }
}
