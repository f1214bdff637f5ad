package io.sigil.audit.store;

import io.sigil.audit.sealing.ChainAppend;
import io.sigil.audit.sealing.ChainHead;
import io.sigil.audit.sealing.KeyState;
import io.sigil.audit.sealing.PendingRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The sealer's writes: records, chain heads (with the next Kafka offset) and the key state, all of one batch
 * in one transaction, so that what is stored and where the sealer resumes can never disagree.
 */
@ApplicationScoped
public class ChainStore {

    private final DataSource dataSource;

    public ChainStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored heads by partition. */
    public Map<Integer, ChainHead> heads() throws SQLException {
        Map<Integer, ChainHead> heads = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select chain, kafka_partition, next_offset, head_seq, head_mac from audit_chain");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ChainHead head = new ChainHead(
                        rows.getString(1), rows.getInt(2), rows.getLong(3), rows.getLong(4), rows.getBytes(5));
                heads.put(head.partition(), head);
            }
        }
        return heads;
    }

    public Optional<KeyState> keyState() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select genesis_epoch, epoch, epoch_key from audit_key_state where id = 1");
                ResultSet rows = select.executeQuery()) {
            return rows.next()
                    ? Optional.of(new KeyState(rows.getLong(1), rows.getLong(2), rows.getBytes(3)))
                    : Optional.empty();
        }
    }

    /** The macs of a chain in sequence order: the leaves of its Merkle tree. */
    public List<byte[]> macs(String chain) throws SQLException {
        List<byte[]> macs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select =
                    connection.prepareStatement("select mac from audit_record where chain = ? order by seq")) {
                select.setFetchSize(10_000);
                select.setString(1, chain);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        macs.add(rows.getBytes(1));
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return macs;
    }

    /**
     * Stores a batch: every chain's records, its new head and, when it changed, the key state. A head that
     * moved since it was read fails the whole batch ({@link ConcurrentSealException}).
     */
    public void append(List<ChainAppend> appends, KeyState keyState) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (ChainAppend append : appends) {
                    ensureChain(connection, append.before());
                    insertRecords(connection, append.records());
                    MerkleNodeStore.insert(connection, append.after().chain(), append.nodes());
                    moveHead(connection, append.before(), append.after());
                }
                if (keyState != null) {
                    storeKeyState(connection, keyState);
                }
                connection.commit();
            } catch (SQLException | RuntimeException failed) {
                rollbackQuietly(connection);
                throw failed;
            }
        }
    }

    private static void ensureChain(Connection connection, ChainHead head) throws SQLException {
        if (head.headSeq() >= 0) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_chain (chain, kafka_partition,"
                + " next_offset, head_seq, head_mac) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            insert.setString(1, head.chain());
            insert.setInt(2, head.partition());
            insert.setLong(3, head.nextOffset());
            insert.setLong(4, head.headSeq());
            insert.setBytes(5, head.headMac());
            insert.executeUpdate();
        }
    }

    /** One binary COPY per chain and batch: the same rows as bound INSERTs, at a fraction of the server's work. */
    private static void insertRecords(Connection connection, List<PendingRecord> records) throws SQLException {
        RecordCopy.Encoded copy = RecordCopy.encode(records);
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(RecordCopy.SQL);
        try {
            in.writeToCopy(copy.bytes(), 0, copy.length());
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void moveHead(Connection connection, ChainHead before, ChainHead after) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update audit_chain set next_offset = ?,"
                + " head_seq = ?, head_mac = ?, updated_at = now() where chain = ? and head_seq = ?")) {
            update.setLong(1, after.nextOffset());
            update.setLong(2, after.headSeq());
            update.setBytes(3, after.headMac());
            update.setString(4, after.chain());
            update.setLong(5, before.headSeq());
            if (update.executeUpdate() != 1) {
                throw new ConcurrentSealException(after.chain());
            }
        }
    }

    private static void storeKeyState(Connection connection, KeyState state) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("insert into audit_key_state (id, genesis_epoch,"
                + " epoch, epoch_key) values (1, ?, ?, ?) on conflict (id) do update set epoch = excluded.epoch,"
                + " epoch_key = excluded.epoch_key where audit_key_state.epoch <= excluded.epoch")) {
            upsert.setLong(1, state.genesisEpoch());
            upsert.setLong(2, state.epoch());
            upsert.setBytes(3, state.key());
            upsert.executeUpdate();
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException alreadyBroken) {
            // The connection is gone with the transaction; nothing was committed.
        }
    }
}
