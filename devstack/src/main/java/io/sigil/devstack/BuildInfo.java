package io.sigil.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** Versions and artifact locations that the Maven build wrote into {@code devstack/build.properties}. */
public record BuildInfo(String keycloakVersion, Path keycloakZip) {

    public static BuildInfo load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/devstack/build.properties")) {
            if (in == null) {
                throw new IllegalStateException("devstack/build.properties is missing: build devstack with Maven");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(props.getProperty("keycloak.version"), Path.of(props.getProperty("keycloak.zip")));
    }
}
