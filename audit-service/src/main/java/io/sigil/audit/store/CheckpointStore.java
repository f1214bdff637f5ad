package io.sigil.audit.store;

import io.sigil.ledger.Checkpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Signed checkpoints: stored as issued, read back for proofs and verification, marked once published. */
@ApplicationScoped
public class CheckpointStore {

    private static final String COLUMNS =
            "chain, tree_size, root, head_seq, head_mac, epoch, issued_at, key_id, signature";

    private final DataSource dataSource;

    public CheckpointStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(Checkpoint checkpoint) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into audit_checkpoint (" + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            insert.setString(1, checkpoint.chain());
            insert.setLong(2, checkpoint.treeSize());
            insert.setBytes(3, checkpoint.root());
            insert.setLong(4, checkpoint.headSeq());
            insert.setBytes(5, checkpoint.headMac());
            insert.setLong(6, checkpoint.epoch());
            insert.setTimestamp(7, Timestamp.from(checkpoint.issuedAt()));
            insert.setString(8, checkpoint.keyId());
            insert.setBytes(9, checkpoint.signature());
            insert.executeUpdate();
        }
    }

    public Optional<Checkpoint> latest(String chain) throws SQLException {
        List<Checkpoint> found = select(
                "select " + COLUMNS + " from audit_checkpoint where chain = ? order by tree_size desc limit 1", chain);
        return found.stream().findFirst();
    }

    public List<Checkpoint> latestOfEachChain() throws SQLException {
        return select(
                "select distinct on (chain) " + COLUMNS + " from audit_checkpoint order by chain, tree_size desc");
    }

    public List<Checkpoint> unpublished(int limit) throws SQLException {
        return select("select " + COLUMNS + " from audit_checkpoint where not published order by issued_at limit "
                + Math.max(1, limit));
    }

    public void markPublished(Checkpoint checkpoint) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update audit_checkpoint set published = true where chain = ? and tree_size = ?")) {
            update.setString(1, checkpoint.chain());
            update.setLong(2, checkpoint.treeSize());
            update.executeUpdate();
        }
    }

    private List<Checkpoint> select(String sql, String... args) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setString(i + 1, args[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    checkpoints.add(new Checkpoint(
                            rows.getString(1),
                            rows.getLong(2),
                            rows.getBytes(3),
                            rows.getLong(4),
                            rows.getBytes(5),
                            rows.getLong(6),
                            rows.getTimestamp(7).toInstant(),
                            rows.getString(8),
                            rows.getBytes(9)));
                }
            }
        }
        return checkpoints;
    }
}
