package io.sigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * Every process the supervisor starts, by PID: recorded in {@code children.pids} so that a supervisor
 * killed without its shutdown hook leaves a list the next one can clean up, and stopped in reverse order.
 */
public final class ChildProcesses {

    private final Path pidFile;
    private final Deque<Tracked> children = new ConcurrentLinkedDeque<>();

    public ChildProcesses(Path pidFile) {
        this.pidFile = pidFile;
    }

    /** A started process and the name it is reported by. */
    public record Tracked(String name, ProcessHandle handle) {}

    public synchronized void track(String name, Process process) {
        children.push(new Tracked(name, process.toHandle()));
        persist();
    }

    /** Stops every child, newest first: SIGTERM, then SIGKILL after the grace period. Descendants too. */
    public synchronized void stopAll(Duration grace) {
        while (!children.isEmpty()) {
            stop(children.pop().handle(), grace);
        }
        persist();
    }

    public static void stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception stillAlive) {
                handle.destroyForcibly();
            }
        }
    }

    /**
     * Kills processes an earlier supervisor recorded but could not stop (it was killed with SIGKILL). Only
     * PIDs whose command line still looks like one of ours are touched, so a recycled PID is left alone.
     */
    public void reapLeftovers() {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(pidFile)) {
                String[] parts = line.split(" ", 2);
                if (parts.length < 2) {
                    continue;
                }
                long pid = Long.parseLong(parts[0]);
                String expectedStart = parts[1];
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                handle.filter(h -> h.info()
                                .startInstant()
                                .map(Object::toString)
                                .orElse("")
                                .equals(expectedStart))
                        .ifPresent(h -> {
                            System.out.println("devstack: stopping leftover process " + pid);
                            stop(h, Duration.ofSeconds(5));
                        });
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException unreadable) {
            System.out.println("devstack: ignoring unreadable " + pidFile + ": " + unreadable.getMessage());
        }
    }

    private void persist() {
        List<String> lines = new ArrayList<>();
        for (Tracked child : children) {
            lines.add(child.handle().pid() + " "
                    + child.handle().info().startInstant().map(Object::toString).orElse(""));
        }
        try {
            Files.createDirectories(pidFile.getParent());
            Files.write(pidFile, lines);
        } catch (IOException e) {
            System.out.println("devstack: cannot record child PIDs in " + pidFile + ": " + e.getMessage());
        }
    }
}
