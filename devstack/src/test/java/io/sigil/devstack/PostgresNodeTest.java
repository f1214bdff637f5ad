package io.sigil.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clean start succeeds over whatever a killed run left in the data directory, the server included. */
class PostgresNodeTest {

    @TempDir
    Path home;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String serverDataDirectory(int port) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("show data_directory")) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void startsCleanOverTheFilesOfAKilledRun() throws Exception {
        // Given a data directory that a run killed half-way through initdb left behind
        Path data = home.resolve("postgres");
        Files.createDirectories(data.resolve("base"));
        Files.writeString(data.resolve("PG_VERSION"), "18\n");
        int port = freePort();

        // When the next run starts clean on it
        try (PostgresNode node = new PostgresNode(port, data)) {
            node.start();

            // Then it serves from that directory
            assertThat(Path.of(serverDataDirectory(port))).isEqualTo(data);
        }
    }

    @Test
    void stopsTheServerOfAKilledRunBeforeStartingClean() throws Exception {
        // Given a server whose supervisor died without stopping it: its postmaster still holds the port
        Path data = home.resolve("postgres");
        int port = freePort();
        PostgresNode orphan = new PostgresNode(port, data);
        orphan.start();
        long orphanPid = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());

        // When the next run starts clean on the same directory and port
        try (PostgresNode node = new PostgresNode(port, data)) {
            node.start();

            // Then the orphan is gone and a new server answers
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            long pid = Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            assertThat(pid).isNotEqualTo(orphanPid);
            assertThat(Path.of(serverDataDirectory(port))).isEqualTo(data);
        }
    }
}
