package io.sigil.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.devstack.ChildProcesses;
import io.sigil.devstack.DevStackClient;
import io.sigil.devstack.MeshService;
import io.sigil.devstack.ServiceNode;
import io.sigil.devstack.StackProfile;
import io.sigil.devstack.StackState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packaged service whose Kafka or PostgreSQL goes away reports not-ready with one clear log line, floods
 * nothing, and is ready again by itself when the dependency is back. Kafka is a real broker process of the
 * test's own; PostgreSQL is the shared one behind a proxy the test cuts.
 */
class DependencyOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration CHANGE = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    private ChildProcesses children;
    private StandaloneKafka kafka;
    private TcpProxy postgres;

    @AfterEach
    void stopEverything() throws Exception {
        // Kept for inspection after the run; the temporary directory is removed.
        if (Files.exists(dir.resolve("audit-service.log"))) {
            Files.copy(
                    dir.resolve("audit-service.log"),
                    StackProfile.TEST.stateDir().resolve("outage-audit-service.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (children != null) {
            children.stopAll(Duration.ofSeconds(10));
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aServiceReportsNotReadyWhileADependencyIsAwayAndRecoversByItself() throws Exception {
        // Given audit-service running against its own broker and a cuttable link to PostgreSQL
        StackState state = DevStackClient.ensureRunning(StackProfile.TEST);
        kafka = new StandaloneKafka(dir.resolve("kafka"));
        kafka.format();
        kafka.start();
        postgres = new TcpProxy(TcpProxy.freePort(), state.postgresPort());
        postgres.open();
        MeshService audit = MeshService.AUDIT;
        Map<String, String> props = ServiceNode.connectionProperties(audit, state, StackProfile.TEST);
        props.put("kafka.bootstrap.servers", kafka.bootstrap());
        props.put(
                "quarkus.datasource.reactive.url",
                "postgresql://127.0.0.1:" + postgres.port() + "/" + audit.database());
        props.put(
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + audit.database());
        children = new ChildProcesses(dir.resolve("children.pids"));
        ServiceNode node =
                new ServiceNode(audit, StackProfile.TEST, meshRoot(), props, dir.resolve("audit-service.log"));
        node.start(children);
        node.awaitReady();
        URI ready = URI.create("http://127.0.0.1:" + audit.port(StackProfile.TEST) + "/q/health/ready");

        // When Kafka goes away, then it is not ready, says so once, and floods nothing
        long before = Files.size(node.logFile());
        kafka.stop();
        awaitCheck(ready, "kafka", "DOWN");
        probeRepeatedly(ready);
        String outage = newLog(node.logFile(), before);
        assertOneLineFor(outage, "Kafka is unreachable");

        // When Kafka is back, then it is ready again by itself
        kafka.start();
        awaitCheck(ready, "kafka", "UP");
        assertThat(newLog(node.logFile(), before)).contains("Kafka is reachable again");

        // When PostgreSQL goes away, then the same
        before = Files.size(node.logFile());
        postgres.cut();
        awaitCheck(ready, "postgresql", "DOWN");
        probeRepeatedly(ready);
        outage = newLog(node.logFile(), before);
        assertOneLineFor(outage, "PostgreSQL is unreachable");

        postgres.open();
        awaitCheck(ready, "postgresql", "UP");
        await().atMost(CHANGE).until(() -> status(ready) == 200);
        assertThat(newLog(node.logFile(), before)).contains("PostgreSQL is reachable again");
    }

    private static Path meshRoot() {
        return Path.of(System.getProperty("sigil.mesh.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    private static void awaitCheck(URI ready, String check, String expected) {
        await().atMost(CHANGE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> expected.equals(checkStatus(ready, check)));
    }

    private static void probeRepeatedly(URI ready) throws Exception {
        for (int i = 0; i < 6; i++) {
            status(ready);
            Thread.sleep(300);
        }
    }

    private static String checkStatus(URI ready, String check) throws Exception {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode node : JSON.readTree(response.body()).path("checks")) {
            if (check.equals(node.path("name").asText())) {
                return node.path("status").asText();
            }
        }
        return "absent";
    }

    private static int status(URI ready) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String newLog(Path log, long from) throws Exception {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) from, all.length - (int) from, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The outage is said once, by our line, and nothing else warns, errs, reports health or dumps a stack. */
    private static void assertOneLineFor(String outage, String line) {
        assertThat(count(outage, line)).isEqualTo(1);
        assertThat(outage.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")))
                .singleElement()
                .asString()
                .contains(line);
        assertThat(count(outage, "SRHCK")).isZero();
        assertThat(stackFrames(outage)).isZero();
    }

    private static long count(String text, String needle) {
        return text.lines().filter(line -> line.contains(needle)).count();
    }

    private static long stackFrames(String text) {
        List<String> frames = text.lines()
                .filter(line -> line.matches("\\s+at [\\w.$]+\\(.*"))
                .toList();
        return frames.size();
    }
}
