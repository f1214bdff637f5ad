package io.sigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server that a killed supervisor left running on its own data directory. pg_ctl detaches the
 * postmaster, so it outlives the JVM that started it; only a server whose pid file names this very directory is
 * touched.
 */
final class LeftoverPostmaster {

    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(15);

    private LeftoverPostmaster() {}

    /** Stops the server recorded in {@code dataDir}'s pid file, if it still runs there; returns whether one did. */
    static boolean stop(Path dataDir) throws IOException {
        Optional<ProcessHandle> server = running(dataDir);
        if (server.isEmpty()) {
            return false;
        }
        ProcessHandle postmaster = server.get();
        List<ProcessHandle> backends = postmaster.descendants().toList();
        // SIGINT is PostgreSQL's fast shutdown: it does not wait for connected sessions, as SIGTERM would
        signal("INT", postmaster.pid());
        if (!awaitExit(postmaster, FAST_SHUTDOWN)) {
            postmaster.destroyForcibly();
            awaitExit(postmaster, FAST_SHUTDOWN);
        }
        backends.forEach(ProcessHandle::destroyForcibly);
        if (postmaster.isAlive()) {
            throw new IOException("a PostgreSQL server left on " + dataDir + " (pid " + postmaster.pid()
                    + ") does not stop; stop it by hand");
        }
        return true;
    }

    private static Optional<ProcessHandle> running(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !Path.of(lines.get(1).trim()).equals(dataDir.toAbsolutePath())) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException garbled) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> process.info()
                .command()
                .map(LeftoverPostmaster::isPostgres)
                .orElse(false));
    }

    private static boolean isPostgres(String command) {
        return command.endsWith("/postgres") || command.equals("postgres");
    }

    private static void signal(String name, long pid) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL " + pid, e);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration limit) {
        try {
            process.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception notYet) {
            return !process.isAlive();
        }
    }
}
