package io.sigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.model.TrustLevel;
import io.sigil.devstack.ChildProcesses;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.MeshService;
import io.sigil.devstack.PostgresNode;
import io.sigil.devstack.ServiceNode;
import io.sigil.devstack.StackProfile;
import io.sigil.devstack.StackState;
import io.sigil.runtime.audit.CanonicalAuditJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A packaged audit-service of the test's own: its own PostgreSQL server (real, restartable), its own audit
 * topic on a given broker, its own port. Lets tests tamper with the store and kill things without touching
 * the shared test stack.
 */
final class PrivateAuditStore implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean JACKSON_FORM = "jackson".equals(System.getProperty("bench.event-form"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path dir;
    private final StackState stack;
    private final String bootstrap;
    private final String topic;
    private final PostgresNode postgres;
    private final ChildProcesses children;
    private final int httpPort;
    private ServiceNode service;
    private KafkaProducer<String, String> producer;
    private int starts;
    private Map<String, String> extra = Map.of();

    PrivateAuditStore(Path dir, StackState stack, String bootstrap, int partitions) throws Exception {
        this.dir = dir;
        this.stack = stack;
        this.bootstrap = bootstrap;
        this.topic = "it.audit." + UUID.randomUUID();
        this.postgres = new PostgresNode(TcpProxy.freePort(), dir.resolve("pg"));
        this.children = new ChildProcesses(dir.resolve("children.pids"));
        this.httpPort = TcpProxy.freePort();
        // Never a clean start: a clean node deletes its data directory when stopped, and this one restarts.
        postgres.start(false);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        }
    }

    String topic() {
        return topic;
    }

    String bootstrap() {
        return bootstrap;
    }

    void startService() throws Exception {
        startService(Map.of());
    }

    void startService(Map<String, String> extra) throws Exception {
        Map<String, String> props = ServiceNode.connectionProperties(MeshService.AUDIT, stack, StackProfile.TEST);
        props.put("quarkus.http.port", String.valueOf(httpPort));
        props.put("kafka.bootstrap.servers", bootstrap);
        props.put("sigil.audit.topic", topic);
        props.put(
                "quarkus.datasource.reactive.url",
                "postgresql://127.0.0.1:" + postgres.port() + "/" + MeshService.AUDIT.database());
        props.put(
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + MeshService.AUDIT.database());
        props.putAll(extra);
        this.extra = Map.copyOf(extra);
        service = new ServiceNode(
                MeshService.AUDIT, StackProfile.TEST, meshRoot(), props, dir.resolve("audit-" + (++starts) + ".log"));
        service.start(children);
        service.awaitReady();
    }

    /** SIGKILL: the service dies mid-batch, as in a crash. */
    void killService() throws InterruptedException {
        service.kill();
    }

    /** Starts the service again with the settings of its last start. */
    void restartService() throws Exception {
        startService(extra);
    }

    void stopPostgres() throws Exception {
        postgres.close();
    }

    void startPostgresAgain() throws Exception {
        postgres.start(false);
    }

    /** Produces one audit event acknowledged by all in-sync replicas; returns its audit id. */
    String send(String actor, int n) throws Exception {
        String auditId = UUID.randomUUID().toString();
        // Keys spread the events over the partitions: more than one chain.
        producer()
                .send(new ProducerRecord<>(topic, "gateway-" + n % 3, event(auditId, actor, n)))
                .get();
        return auditId;
    }

    KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /**
     * An audit event as the gateway writes it (OCSF in its canonical form, with the attributes of a real tool call):
     * every seventh a Detection Finding, every fifth denied, two in three with interceptions.
     */
    static String event(String auditId, String actor, int n) {
        return event(auditId, actor, n, Instant.now());
    }

    /** The same, stamped with {@code time} instead of now. */
    static String event(String auditId, String actor, int n, Instant time) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("method", "tools/call");
        attributes.put("risk_class", n % 2 == 0 ? "read-only" : "write");
        attributes.put("tool", n % 2 == 0 ? "get_weather" : "read_email");
        attributes.put("upstream", "demo");
        attributes.put("tool_digest", "sha256:9f2c4e0b7d1a5f3e8c6b2a4d0e9f1c3b5a7d9e1f3c5b7a9d2e4f6a8c0b1d3e5f");
        attributes.put("client_id", "bench-agent");
        attributes.put("trust", Map.of("person", "High", "client", "Medium", "binding", "Medium", "rules_version", 7));
        attributes.put("policy_rule", n % 5 == 0 ? "pinning/forbidden" : "risk/write");
        attributes.put("policy_version", "gw-3f1c9a7e5b2d4c6e8a0b1c2d3e4f5a6b");
        attributes.put("n", n);
        attributes.put("interceptions", n % 3);
        try {
            AuditEvent event = new AuditEvent(
                    auditId,
                    time,
                    n % 7 == 0 ? AuditEvent.DETECTION_FINDING : AuditEvent.API_ACTIVITY,
                    "tools/call",
                    "gateway",
                    actor,
                    TrustLevel.MEDIUM,
                    n % 5 == 0 ? "denied" : "success",
                    attributes);
            // -Dbench.event-form=jackson: the form the producers sent before they sent the canonical one.
            return JACKSON_FORM ? JSON.writeValueAsString(event) : CanonicalAuditJson.write(JSON, event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Connection jdbc() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + MeshService.AUDIT.database(),
                MeshService.AUDIT.dbUser(),
                MeshService.AUDIT.dbPassword());
    }

    long count(String sql) throws SQLException {
        try (Connection connection = jdbc();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Sealed records, or -1 while the store is unreachable. */
    long sealed() {
        try {
            return count("select count(*) from audit_record");
        } catch (SQLException away) {
            return -1;
        }
    }

    Set<String> storedAuditIds() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = jdbc();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select audit_id from audit_record")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    void execute(String... statements) throws SQLException {
        try (Connection connection = jdbc()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            connection.commit();
        }
    }

    JsonNode get(String path) throws Exception {
        String auditor = new KeycloakTokens(stack.realmUrl()).clientCredentials("sigil-soc");
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                        .header("Authorization", "Bearer " + auditor)
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    Path download(String path, Path file) throws Exception {
        String auditor = new KeycloakTokens(stack.realmUrl()).clientCredentials("sigil-soc");
        HttpResponse<Path> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                        .header("Authorization", "Bearer " + auditor)
                        .build(),
                HttpResponse.BodyHandlers.ofFile(file));
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + Files.readString(file));
        }
        return file;
    }

    Path logOf(int start) {
        return dir.resolve("audit-" + start + ".log");
    }

    @Override
    public void close() throws Exception {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        for (int i = 1; i <= starts; i++) {
            if (Files.exists(logOf(i))) {
                Files.copy(
                        logOf(i),
                        StackProfile.TEST.stateDir().resolve("private-audit-" + i + ".log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        children.stopAll(Duration.ofSeconds(10));
        postgres.close();
    }

    private static Path meshRoot() {
        return Path.of(System.getProperty("sigil.mesh.root", ".."))
                .toAbsolutePath()
                .normalize();
    }
}
