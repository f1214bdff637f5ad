package io.sigil.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsThroughItsFile() throws Exception {
        StackState state = new StackState(
                42, "test", StackState.READY, "127.0.0.1:29092", "127.0.0.1", 25432, "http://127.0.0.1:28080", "ok");
        Path file = dir.resolve("state.json");

        state.write(file);

        assertThat(StackState.read(file)).contains(state);
        assertThat(state.realmUrl()).isEqualTo("http://127.0.0.1:28080/realms/sigil");
        assertThat(state.jdbcUrl("sigil_audit")).isEqualTo("jdbc:postgresql://127.0.0.1:25432/sigil_audit");
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void treatsAMissingOrUnreadableFileAsNoStack() throws Exception {
        Path file = dir.resolve("state.json");
        assertThat(StackState.read(file)).isEmpty();

        Files.writeString(file, "{ half a fi");

        assertThat(StackState.read(file)).isEmpty();
    }
}
