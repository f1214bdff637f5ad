package io.sigil.devstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finds a running devstack or launches one as its own detached process, so that one Keycloak, Kafka and
 * PostgreSQL serve a whole test run across modules. While a JVM uses it, it keeps the lease fresh; the
 * supervisor stops itself once no JVM has renewed the lease for its idle timeout.
 */
public final class DevStackClient {

    /** Long enough to bridge the build between two modules' test runs. */
    public static final Duration TEST_IDLE_TIMEOUT = Duration.ofSeconds(300);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(420);
    private static volatile ScheduledExecutorService leaseKeeper;

    private DevStackClient() {}

    public static Path leaseFile(StackProfile profile) {
        return profile.stateDir().resolve("lease");
    }

    /** The running stack's state, starting the stack first if none is running. */
    public static synchronized StackState ensureRunning(StackProfile profile) {
        try {
            Files.createDirectories(profile.stateDir());
            try (FileChannel channel = FileChannel.open(
                            profile.stateDir().resolve("launch.lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                keepLease(profile);
                Optional<StackState> running = alive(profile);
                if (running.isEmpty()) {
                    launch(profile);
                }
                return awaitReady(profile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start devstack: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for devstack", e);
        }
    }

    /** The state of a stack whose supervisor is alive, ready or still starting. */
    public static Optional<StackState> alive(StackProfile profile) {
        return StackState.read(StackState.fileOf(profile))
                .filter(s -> !StackState.FAILED.equals(s.status()))
                .filter(s ->
                        ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    /** Stops a running stack by its supervisor's PID; the supervisor stops its children. */
    public static boolean stop(StackProfile profile, Duration timeout) {
        Optional<StackState> running = alive(profile);
        if (running.isEmpty()) {
            return false;
        }
        ProcessHandle.of(running.get().pid()).ifPresent(supervisor -> ChildProcesses.stop(supervisor, timeout));
        return true;
    }

    private static void launch(StackProfile profile) throws IOException {
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            // Its own session: Ctrl-C on a build does not take the shared stack down mid-run; the lease does.
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        command.add("-cp");
        command.add(supervisorClasspath());
        command.add(DevStack.class.getName());
        command.add("--profile");
        command.add(profile.id());
        command.add("--idle-timeout");
        command.add(String.valueOf(TEST_IDLE_TIMEOUT.toSeconds()));
        Files.deleteIfExists(StackState.fileOf(profile));
        new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(profile.stateDir().resolve("supervisor.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    private static StackState awaitReady(StackProfile profile) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Path log = profile.stateDir().resolve("supervisor.log");
        while (Instant.now().isBefore(deadline)) {
            Optional<StackState> state = StackState.read(StackState.fileOf(profile));
            if (state.isPresent() && state.get().ready()) {
                return state.get();
            }
            if (state.isPresent() && StackState.FAILED.equals(state.get().status())) {
                throw new IOException(state.get().message() + " (log: " + log + ")");
            }
            Thread.sleep(250);
        }
        throw new IOException("devstack was not ready within " + START_TIMEOUT.toSeconds() + " s (log: " + log + ")");
    }

    private static void keepLease(StackProfile profile) throws IOException {
        DevStack.touch(leaseFile(profile));
        if (leaseKeeper != null) {
            return;
        }
        leaseKeeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "devstack-lease");
            thread.setDaemon(true);
            return thread;
        });
        leaseKeeper.scheduleAtFixedRate(
                () -> {
                    try {
                        DevStack.touch(leaseFile(profile));
                    } catch (IOException ignored) {
                        // the next beat retries
                    }
                },
                5,
                5,
                TimeUnit.SECONDS);
    }

    /** This module's classes plus the supervisor's runtime dependencies, as the build recorded them. */
    public static String supervisorClasspath() throws IOException {
        String own;
        try {
            own = Path.of(DevStack.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate devstack's own classes", e);
        }
        try (InputStream in = DevStackClient.class.getResourceAsStream("/devstack/classpath.txt")) {
            if (in == null) {
                throw new IOException("devstack/classpath.txt is missing: build devstack with Maven");
            }
            return own + File.pathSeparator + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
