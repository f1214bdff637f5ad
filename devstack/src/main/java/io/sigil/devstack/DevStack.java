package io.sigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/**
 * The devstack supervisor: starts real Kafka, PostgreSQL and Keycloak (and, with {@code --mesh}, the six
 * services and the demo upstream), publishes {@code state.json}, and stops every child on exit — on
 * Ctrl-C, on {@code down}, on a failed start, or when no test has leased it for the idle timeout.
 */
public final class DevStack {

    /** Started in this order; the gateway last, so that everything it depends on is ready. */
    static final List<MeshService> MESH_ORDER = List.of(
            MeshService.AUDIT,
            MeshService.IDENTITY,
            MeshService.POLICY,
            MeshService.SCAN,
            MeshService.VAULT,
            MeshService.DEMO_UPSTREAM,
            MeshService.GATEWAY);

    private final Options options;
    private final Path stateFile;
    private final ChildProcesses children;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private KafkaNode kafka;
    private PostgresNode postgres;
    private StackState state;

    private DevStack(Options options) {
        this.options = options;
        this.stateFile = StackState.fileOf(options.profile());
        this.children = new ChildProcesses(options.profile().stateDir().resolve("children.pids"));
    }

    /**
     * Command-line options.
     *
     * @param profile which port set to use
     * @param idleTimeout stop when the lease file is older than this; zero means never
     * @param meshRoot the repository root whose packaged services to start, or null for infrastructure only
     * @param demo whether to make one demo call through the gateway once the mesh is ready
     */
    record Options(StackProfile profile, Duration idleTimeout, Path meshRoot, boolean demo) {

        static Options parse(String[] args) {
            StackProfile profile = StackProfile.DEV;
            Duration idle = Duration.ZERO;
            Path mesh = null;
            boolean demo = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--profile" -> profile = StackProfile.parse(args[++i]);
                    case "--idle-timeout" -> idle = Duration.ofSeconds(Long.parseLong(args[++i]));
                    case "--mesh" -> mesh = Path.of(args[++i]).toAbsolutePath().normalize();
                    case "--demo" -> demo = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; usage: DevStack [--profile dev|test] [--idle-timeout SECONDS] [--mesh ROOT [--demo]]");
                }
            }
            return new Options(profile, idle, mesh, demo);
        }
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Options options;
        try {
            options = Options.parse(args);
        } catch (RuntimeException bad) {
            System.err.println("devstack: " + bad.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new DevStack(options).run());
    }

    private int run() {
        Path dir = options.profile().stateDir();
        try {
            Files.createDirectories(dir);
            StackState previous = StackState.read(stateFile).orElse(null);
            if (previous != null
                    && ProcessHandle.of(previous.pid())
                            .map(ProcessHandle::isAlive)
                            .orElse(false)) {
                System.err.println("devstack: the " + options.profile().id() + " stack is already running (pid "
                        + previous.pid() + "); stop it first with `./sigil-mesh down`");
                return 3;
            }
            children.reapLeftovers();
            Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "devstack-shutdown"));
            CompletableFuture<Void> keycloakUp = startInfrastructure(dir);
            // Services start while Keycloak boots: Quarkus OIDC connects on the first request.
            List<ServiceNode> services = options.meshRoot() != null ? startMesh() : List.of();
            awaitKeycloak(keycloakUp);
            awaitReady(services);
            state = state.with(StackState.READY, "ready");
            state.write(stateFile);
            System.out.println("devstack: " + options.profile().id() + " stack ready: Kafka " + state.kafkaBootstrap()
                    + ", PostgreSQL 127.0.0.1:" + state.postgresPort() + ", Keycloak " + state.keycloakUrl());
            if (options.meshRoot() != null) {
                MeshDemo demo = new MeshDemo(state, options.profile(), System.out);
                demo.printBanner();
                if (options.demo() && !demo.run()) {
                    System.out.println("devstack: the demo call failed; the mesh stays up for inspection");
                }
                System.out.println("SIGIL mesh is running; Ctrl-C (or ./sigil-mesh down) stops every process.");
            }
            awaitStop();
            return 0;
        } catch (PortGuard.PortTakenException taken) {
            return fail(taken.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted during start-up");
        } catch (Exception e) {
            return fail(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private CompletableFuture<Void> startInfrastructure(Path dir) throws Exception {
        StackProfile profile = options.profile();
        KeycloakNode keycloak = new KeycloakNode(profile, BuildInfo.load(), children);
        state = new StackState(
                ProcessHandle.current().pid(),
                profile.id(),
                StackState.STARTING,
                "127.0.0.1:" + profile.kafkaPort(),
                "127.0.0.1",
                profile.postgresPort(),
                keycloak.url(),
                "starting");
        state.write(stateFile);
        // Keycloak takes longest: it starts while Kafka and PostgreSQL come up.
        CompletableFuture<Void> keycloakUp = CompletableFuture.runAsync(() -> {
            try {
                keycloak.start();
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting Keycloak", e);
            }
        });
        deleteRecursively(dir.resolve("kafka"));
        kafka = new KafkaNode(profile.kafkaPort(), profile.kafkaControllerPort(), dir.resolve("kafka"));
        kafka.start();
        if (profile == StackProfile.TEST) {
            // Tests of the gateway find the demo agents registered without running identity-service.
            io.sigil.devstack.support.DemoAgents.publish(
                    kafka.bootstrap(), io.sigil.devstack.support.DemoAgents.TEST_TOPIC);
        }
        postgres = new PostgresNode(profile.postgresPort(), dir.resolve("postgres"));
        postgres.start();
        return keycloakUp;
    }

    private static void awaitKeycloak(CompletableFuture<Void> keycloakUp) throws IOException, InterruptedException {
        try {
            keycloakUp.get();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    private List<ServiceNode> startMesh() throws IOException {
        List<ServiceNode> nodes = new ArrayList<>();
        for (MeshService service : MESH_ORDER) {
            Map<String, String> props = ServiceNode.connectionProperties(service, state, options.profile());
            if (service == MeshService.GATEWAY) {
                props.put(
                        "sigil.gateway.upstreams.demo.url",
                        "http://127.0.0.1:" + MeshService.DEMO_UPSTREAM.port(options.profile()) + "/mcp");
            }
            ServiceNode node = new ServiceNode(service, options.profile(), options.meshRoot(), props);
            node.start(children);
            nodes.add(node);
        }
        return nodes;
    }

    private void awaitReady(List<ServiceNode> nodes) throws IOException, InterruptedException {
        for (ServiceNode node : nodes) {
            node.awaitReady();
            System.out.println("devstack: " + node.service().module() + " ready on 127.0.0.1:"
                    + node.service().port(options.profile()));
        }
    }

    private void awaitStop() throws InterruptedException, IOException {
        if (options.idleTimeout().isZero()) {
            stopped.await();
            return;
        }
        Path lease = DevStackClient.leaseFile(options.profile());
        touch(lease);
        while (!stopped.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
            Instant last = Files.getLastModifiedTime(lease).toInstant();
            if (Duration.between(last, Instant.now()).compareTo(options.idleTimeout()) > 0) {
                System.out.println(
                        "devstack: no lease for " + options.idleTimeout().toSeconds() + " s; stopping");
                return;
            }
        }
    }

    static void touch(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.createFile(file);
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    }

    private int fail(String reason) {
        System.err.println("devstack: start failed: " + reason);
        if (state != null) {
            try {
                state.with(StackState.FAILED, reason).write(stateFile);
            } catch (IOException ignored) {
                // the state file is advisory; the exit code carries the failure
            }
        }
        return 1;
    }

    private synchronized void shutdown() {
        stopped.countDown();
        children.stopAll(Duration.ofSeconds(15));
        closeQuietly("PostgreSQL", postgres);
        closeQuietly("Kafka", kafka);
        try {
            StackState current = StackState.read(stateFile).orElse(null);
            if (current != null
                    && current.pid() == ProcessHandle.current().pid()
                    && !current.status().equals("failed")) {
                Files.deleteIfExists(stateFile);
            }
        } catch (IOException ignored) {
            // nothing left to clean
        }
        System.out.println("devstack: stopped");
    }

    private static void closeQuietly(String what, AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("devstack: stopping " + what + " failed: " + e.getMessage());
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
