package io.sigil.audit.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** How far each SOC feed has delivered each chain. Moved only after a confirmed delivery: at least once. */
@ApplicationScoped
public class FeedCursors {

    private final DataSource dataSource;

    public FeedCursors(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long next(String feed, String chain) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select next_seq from audit_feed_cursor where feed = ? and chain = ?")) {
            select.setString(1, feed);
            select.setString(2, chain);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    public void advance(String feed, String chain, long nextSeq) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("insert into audit_feed_cursor (feed, chain,"
                        + " next_seq) values (?, ?, ?) on conflict (feed, chain) do update set next_seq ="
                        + " greatest(audit_feed_cursor.next_seq, excluded.next_seq)")) {
            upsert.setString(1, feed);
            upsert.setString(2, chain);
            upsert.setLong(3, nextSeq);
            upsert.executeUpdate();
        }
    }
}
