package io.sigil.devstack;

import java.nio.file.Path;

/** The directory that holds devstack's installations and state, outside any build's target folder. */
public final class DevStackHome {

    private DevStackHome() {}

    public static Path root() {
        String configured = System.getenv("SIGIL_MESH_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "sigil-mesh");
    }
}
