package io.sigil.gateway.upstream;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a stdio upstream is started: its command line, the environment it gets (nothing of the gateway's own
 * beyond the names allowed), an optional working directory, and where its stderr goes (discarded unless a
 * file is named: a server's diagnostics may carry its own credentials).
 */
public record StdioLaunch(
        List<String> command, Map<String, String> environment, Optional<Path> directory, Optional<Path> stderr) {

    public StdioLaunch {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a stdio upstream needs a command");
        }
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /**
     * The child's environment: the gateway's values of the allowed names, then the configured values (the
     * upstream's own credentials), which win.
     */
    public static Map<String, String> environment(
            List<String> inherited, Map<String, String> configured, Map<String, String> gateway) {
        Map<String, String> environment = new java.util.HashMap<>();
        for (String name : inherited) {
            String value = gateway.get(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        environment.putAll(configured);
        return environment;
    }
}
