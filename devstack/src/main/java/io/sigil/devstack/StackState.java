package io.sigil.devstack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What a running devstack publishes about itself in {@code state.json}: how to reach each server, and the
 * supervisor's PID so that it can be found again and stopped.
 *
 * @param pid the supervisor's process id
 * @param profile dev or test
 * @param status {@code starting}, {@code ready} or {@code failed}
 * @param kafkaBootstrap Kafka's bootstrap address
 * @param postgresHost PostgreSQL's host
 * @param postgresPort PostgreSQL's port
 * @param keycloakUrl Keycloak's base URL (the realm is {@code sigil})
 * @param message a sentence about the last transition, e.g. why a start failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StackState(
        long pid,
        String profile,
        String status,
        String kafkaBootstrap,
        String postgresHost,
        int postgresPort,
        String keycloakUrl,
        String message) {

    public static final String STARTING = "starting";
    public static final String READY = "ready";
    public static final String FAILED = "failed";
    public static final String REALM = "sigil";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public boolean ready() {
        return READY.equals(status);
    }

    /** The realm's issuer URL, as the services configure it for OIDC. */
    public String realmUrl() {
        return keycloakUrl + "/realms/" + REALM;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
    }

    public StackState with(String newStatus, String newMessage) {
        return new StackState(
                pid, profile, newStatus, kafkaBootstrap, postgresHost, postgresPort, keycloakUrl, newMessage);
    }

    /** Written atomically, so readers never see half a file. */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Optional<StackState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), StackState.class));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    public static Path fileOf(StackProfile profile) {
        return profile.stateDir().resolve("state.json");
    }
}
