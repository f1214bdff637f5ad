package io.sigil.devstack;

import io.sigil.devstack.support.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/** A real single-node Apache Kafka broker in KRaft mode, in the supervisor's JVM, on loopback only. */
public final class KafkaNode implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private KafkaRaftServer broker;

    public KafkaNode(int port, int controllerPort, Path dataDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    public void start() throws IOException {
        PortGuard.requireFree(port, "Kafka");
        PortGuard.requireFree(controllerPort, "Kafka controller");
        Files.createDirectories(dataDir);
        Properties props = properties();
        Path config = dataDir.resolve("server.properties");
        try (var out = Files.newOutputStream(config)) {
            props.store(out, "SIGIL devstack broker");
        }
        format(config);
        broker = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        broker.startup();
        Topics.create(bootstrap());
    }

    private void format(Path config) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"};
        int exit = StorageTool.execute(args, new PrintStream(captured, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Kafka storage format failed: "
                    + captured.toString(StandardCharsets.UTF_8).trim());
        }
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.resolve("logs").toString());
        props.put("num.partitions", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        // No forced flush (Kafka's default): a flush every N messages ran fsync inside the produce that reached N,
        // stalling every awaited audit acknowledgement behind it. A killed broker process loses nothing the page
        // cache holds; against the loss of a machine a production cluster replicates (see docs/operations.md).
        return props;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.shutdown();
            broker.awaitShutdown();
            broker = null;
        }
    }
}
