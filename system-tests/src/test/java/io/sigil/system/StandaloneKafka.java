package io.sigil.system;

import io.sigil.devstack.DevStackClient;
import io.sigil.devstack.PortGuard;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real Kafka broker in a process of its own, which a test may stop and start again on the same data. */
final class StandaloneKafka implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    StandaloneKafka(Path dir) throws IOException {
        this.dir = dir;
        this.port = TcpProxy.freePort();
        this.controllerPort = TcpProxy.freePort();
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    void format() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("server.properties"),
                String.join(
                        "\n",
                        List.of(
                                "process.roles=broker,controller",
                                "node.id=1",
                                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                                "controller.listener.names=CONTROLLER",
                                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                                "log.dirs=" + dir.resolve("logs"),
                                "offsets.topic.replication.factor=1",
                                "transaction.state.log.replication.factor=1",
                                "transaction.state.log.min.isr=1",
                                "share.coordinator.state.topic.replication.factor=1",
                                "group.initial.rebalance.delay.ms=0")));
        String clusterId = clusterId();
        Process format = java(
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        clusterId,
                        "-c",
                        dir.resolve("server.properties").toString())
                .redirectOutput(dir.resolve("format.log").toFile())
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IOException("Kafka storage format failed; see " + dir.resolve("format.log"));
        }
    }

    /** A random cluster id; never one starting with '-', which the format tool would read as an option. */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] id = new byte[16];
        String encoded;
        do {
            random.nextBytes(id);
            encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        } while (encoded.startsWith("-"));
        return encoded;
    }

    void start() throws IOException, InterruptedException {
        process = java("kafka.Kafka", dir.resolve("server.properties").toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("kafka.log").toFile()))
                .start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (!PortGuard.isOpen(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IOException("Kafka did not open port " + port + "; see " + dir.resolve("kafka.log"));
            }
            Thread.sleep(200);
        }
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    private static ProcessBuilder java(String main, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-cp",
                DevStackClient.supervisorClasspath(),
                main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
