package io.sigil.devstack;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A named set of fixed loopback ports. {@code dev} serves the one-command run; {@code test} serves the
 * test suites, on other ports, so that tests never disturb a running mesh.
 */
public enum StackProfile {
    DEV(19092, 19093, 15432, 18080, 19000),
    TEST(29092, 29093, 25432, 28080, 29000);

    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final int postgresPort;
    private final int keycloakPort;
    private final int keycloakManagementPort;

    StackProfile(
            int kafkaPort, int kafkaControllerPort, int postgresPort, int keycloakPort, int keycloakManagementPort) {
        this.kafkaPort = kafkaPort;
        this.kafkaControllerPort = kafkaControllerPort;
        this.postgresPort = postgresPort;
        this.keycloakPort = keycloakPort;
        this.keycloakManagementPort = keycloakManagementPort;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int keycloakPort() {
        return keycloakPort;
    }

    public int keycloakManagementPort() {
        return keycloakManagementPort;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where this profile keeps its state file, logs and data: {@code $SIGIL_MESH_HOME/devstack-<profile>}. */
    public Path stateDir() {
        return DevStackHome.root().resolve("devstack-" + id());
    }

    public static StackProfile parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
