package io.sigil.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessesTest {

    @TempDir
    Path dir;

    private static Process sleeper() throws Exception {
        return new ProcessBuilder("sleep", "120").start();
    }

    @Test
    void stopsEveryTrackedChild() throws Exception {
        ChildProcesses children = new ChildProcesses(dir.resolve("children.pids"));
        Process first = sleeper();
        Process second = sleeper();
        children.track("first", first);
        children.track("second", second);

        children.stopAll(Duration.ofSeconds(5));

        assertThat(first.isAlive()).isFalse();
        assertThat(second.isAlive()).isFalse();
        assertThat(Files.readAllLines(dir.resolve("children.pids"))).isEmpty();
    }

    @Test
    void reapsWhatAKilledSupervisorLeftBehind() throws Exception {
        // Given a supervisor that recorded a child and died without stopping it
        Process orphan = sleeper();
        new ChildProcesses(dir.resolve("children.pids")).track("orphan", orphan);

        // When the next supervisor starts
        new ChildProcesses(dir.resolve("children.pids")).reapLeftovers();

        // Then the orphan is gone and the list with it
        await().atMost(Duration.ofSeconds(10)).until(() -> !orphan.isAlive());
        assertThat(dir.resolve("children.pids")).doesNotExist();
    }

    @Test
    void leavesARecycledPidAlone() throws Exception {
        Process unrelated = sleeper();
        Files.writeString(dir.resolve("children.pids"), unrelated.pid() + " 2001-01-01T00:00:00Z\n");

        new ChildProcesses(dir.resolve("children.pids")).reapLeftovers();

        assertThat(unrelated.isAlive()).isTrue();
        unrelated.destroyForcibly();
    }
}
