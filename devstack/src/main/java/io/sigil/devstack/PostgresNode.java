package io.sigil.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (embedded binaries from Maven Central), on loopback only, with one database and
 * one role per service so that each service owns its schema.
 */
public final class PostgresNode implements AutoCloseable {

    private final int port;
    private final Path dataDir;
    private EmbeddedPostgres postgres;

    public PostgresNode(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    public void start() throws IOException {
        start(true);
    }

    /** Starts on a fresh data directory, or, with {@code clean} false, on the one a previous start left. */
    public void start(boolean clean) throws IOException {
        if (clean) {
            clearLeftovers();
        }
        PortGuard.requireFree(port, "PostgreSQL");
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(clean)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "on")
                .start();
        createServiceDatabases();
    }

    /**
     * The embedded server deletes its directory only when it is closed: a run that was killed leaves the directory,
     * and perhaps its server, behind, and initdb refuses a directory that is not empty.
     */
    private void clearLeftovers() throws IOException {
        if (LeftoverPostmaster.stop(dataDir)) {
            System.err.println("devstack: stopped the PostgreSQL server an earlier run left on " + dataDir);
        }
        if (Files.exists(dataDir)) {
            try (Stream<Path> tree = Files.walk(dataDir)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private void createServiceDatabases() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            for (MeshService service : MeshService.values()) {
                if (!service.hasDatabase()) {
                    continue;
                }
                if (!exists(sql, "select 1 from pg_roles where rolname = '" + service.dbUser() + "'")) {
                    sql.execute("create role " + service.dbUser() + " login password '" + service.dbPassword() + "'");
                }
                if (!exists(sql, "select 1 from pg_database where datname = '" + service.database() + "'")) {
                    sql.execute("create database " + service.database() + " owner " + service.dbUser());
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot create the service databases: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
