package io.sigil.audit.store;

import io.sigil.ledger.Merkle;
import io.sigil.ledger.MerkleNode;
import io.sigil.ledger.SubtreeProofs;
import io.sigil.ledger.SubtreeSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The stored Merkle subtree roots of each chain, and a proof source that reads them with the leaves below. */
@ApplicationScoped
public class MerkleNodeStore {

    private final DataSource dataSource;

    public MerkleNodeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores completed subtree roots inside the caller's transaction; a root already stored is the same. */
    static void insert(Connection connection, String chain, List<MerkleNode> nodes) throws SQLException {
        if (nodes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into audit_merkle_node (chain, level, idx, hash) values (?, ?, ?, ?) on conflict do nothing")) {
            for (MerkleNode node : nodes) {
                insert.setString(1, chain);
                insert.setShort(2, (short) node.level());
                insert.setLong(3, node.index());
                insert.setBytes(4, node.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Stores subtree roots in a transaction of their own (filling in a chain sealed before they were kept). */
    public void insert(String chain, List<MerkleNode> nodes) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, chain, nodes);
            connection.commit();
        }
    }

    /** How many subtree roots of the chain are stored. */
    public long count(String chain) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select count(*) from audit_merkle_node where chain = ?")) {
            select.setString(1, chain);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** How many subtree roots a chain of {@code size} records has when none is missing. */
    public static long expectedCount(long size) {
        long count = 0;
        for (int level = SubtreeProofs.STORED_FROM_LEVEL; level < 63 && (size >>> level) > 0; level++) {
            count += size >>> level;
        }
        return count;
    }

    /** A source over one connection, for one proof or one tree; close it when done. */
    public Source open(String chain) throws SQLException {
        return new Source(dataSource.getConnection(), chain);
    }

    /** Reads subtree roots and leaf blocks of one chain; store failures surface as IllegalStateException. */
    public static final class Source implements SubtreeSource, AutoCloseable {

        private final Connection connection;
        private final String chain;
        private final PreparedStatement node;
        private final PreparedStatement macs;

        private Source(Connection connection, String chain) throws SQLException {
            this.connection = connection;
            this.chain = chain;
            try {
                this.node = connection.prepareStatement(
                        "select hash from audit_merkle_node where chain = ? and level = ? and idx = ?");
                this.macs = connection.prepareStatement(
                        "select mac from audit_record where chain = ? and seq >= ? and seq < ? order by seq");
            } catch (SQLException failed) {
                connection.close();
                throw failed;
            }
        }

        @Override
        public byte[] node(int level, long index) {
            try {
                node.setString(1, chain);
                node.setShort(2, (short) level);
                node.setLong(3, index);
                try (ResultSet rows = node.executeQuery()) {
                    return rows.next() ? rows.getBytes(1) : null;
                }
            } catch (SQLException away) {
                throw new IllegalStateException("the audit store went away while reading " + chain, away);
            }
        }

        @Override
        public List<byte[]> leafHashes(long from, long to) {
            try {
                macs.setString(1, chain);
                macs.setLong(2, from);
                macs.setLong(3, to);
                List<byte[]> leaves = new ArrayList<>((int) Math.min(to - from, 1 << 16));
                try (ResultSet rows = macs.executeQuery()) {
                    while (rows.next()) {
                        leaves.add(Merkle.leafHash(rows.getBytes(1)));
                    }
                }
                return leaves;
            } catch (SQLException away) {
                throw new IllegalStateException("the audit store went away while reading " + chain, away);
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
