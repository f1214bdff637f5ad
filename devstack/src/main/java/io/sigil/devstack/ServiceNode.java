package io.sigil.devstack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One packaged mesh service started as a child process against a running devstack, with its whole
 * configuration passed as system properties, and awaited until its readiness check is UP.
 */
public final class ServiceNode {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final MeshService service;
    private final StackProfile profile;
    private final Path meshRoot;
    private final Map<String, String> properties;
    private final Path logFile;
    private Process process;

    public ServiceNode(MeshService service, StackProfile profile, Path meshRoot, Map<String, String> properties) {
        this(service, profile, meshRoot, properties, profile.stateDir().resolve(service.module() + ".log"));
    }

    public ServiceNode(
            MeshService service, StackProfile profile, Path meshRoot, Map<String, String> properties, Path logFile) {
        this.service = service;
        this.profile = profile;
        this.meshRoot = meshRoot;
        this.properties = new TreeMap<>(properties);
        this.logFile = logFile;
    }

    /** The configuration that points a service at the devstack, for its profile's ports. */
    public static Map<String, String> connectionProperties(
            MeshService service, StackState state, StackProfile profile) {
        Map<String, String> props = new TreeMap<>();
        props.put("quarkus.http.port", String.valueOf(service.port(profile)));
        props.put("quarkus.http.host", "127.0.0.1");
        props.put("kafka.bootstrap.servers", state.kafkaBootstrap());
        props.put("quarkus.oidc.auth-server-url", state.realmUrl());
        if (service.hasDatabase()) {
            props.put("quarkus.datasource.reactive.url", state.reactiveUrl(service.database()));
            props.put("quarkus.datasource.jdbc.url", state.jdbcUrl(service.database()));
            props.put("quarkus.datasource.username", service.dbUser());
            props.put("quarkus.datasource.password", service.dbPassword());
        }
        if (service == MeshService.IDENTITY) {
            // A devstack registers the realm's demo agents, so that the demo's clients may call the gateway.
            props.put("sigil.identity.seed-demo-agents", "true");
        }
        if (service == MeshService.GATEWAY && profile == StackProfile.TEST) {
            // Tests share one broker: the gateway's registry comes from the test stack's own demo topic, which
            // identity-service's tests never write to. A test of revocation points it back at the real one.
            props.put("sigil.gateway.identity.topic", io.sigil.devstack.support.DemoAgents.TEST_TOPIC);
        }
        if (service == MeshService.GATEWAY && profile == StackProfile.DEV) {
            // The demo shows the trust gate: moving money and dropping tables need High (a signed client, DPoP).
            props.put("sigil.gateway.tool-trust.transfer_funds", "High");
            props.put("sigil.gateway.tool-trust.drop_table", "High");
            // Reads answer without waiting for the audit broker; anything that changes state waits (dominance).
            props.put("sigil.gateway.risk-classes.get_weather", "read-only");
            props.put("sigil.gateway.risk-classes.read_email", "read-only");
            props.put("sigil.gateway.risk-classes.get_deploy_config", "read-only");
            props.put("sigil.gateway.risk-classes.transfer_funds", "financial");
            props.put("sigil.gateway.risk-classes.drop_table", "destructive");
        }
        if (service == MeshService.SCAN) {
            // A devstack is a development stack: the scanner registry may sign with the published development key.
            props.put("sigil.scan.allow-development-keys", "true");
        }
        if (service == MeshService.GATEWAY) {
            // A devstack is a development stack: the gateway trusts packs signed with the registry's development key.
            props.put("sigil.gateway.scanners.allow-development-key", "true");
            // ... and seals findings with the vault's published development key, which vault-service opens.
            props.put("sigil.gateway.vault.allow-development-key", "true");
        }
        if (service == MeshService.VAULT) {
            props.put("sigil.vault.allow-development-keys", "true");
        }
        if (service == MeshService.AUDIT) {
            // A devstack is a development stack: the audit chain may use the published development keys.
            props.put("sigil.audit.allow-development-keys", "true");
        }
        return props;
    }

    /** The port the service listens on: its configured one, else the profile's default. */
    public int port() {
        String configured = properties.get("quarkus.http.port");
        return configured == null ? service.port(profile) : Integer.parseInt(configured);
    }

    public Path jar() {
        return meshRoot.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public MeshService service() {
        return service;
    }

    public Path logFile() {
        return logFile;
    }

    public void start(ChildProcesses children) throws IOException {
        if (!Files.isRegularFile(jar())) {
            throw new IOException(jar() + " is missing: build the mesh first (./mvnw -DskipTests package)");
        }
        PortGuard.requireFree(port(), service.module());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(service.heapOptions());
        command.add("-XX:+UseSerialGC");
        if (service != MeshService.GATEWAY && service != MeshService.AUDIT) {
            // Start-up is CPU-bound on small machines; the support services do not need C2's peak speed.
            // The data paths keep the full compiler: the gateway, and audit-service whose sealer must keep up.
            command.add("-XX:TieredStopAtLevel=1");
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar().toString());
        Files.createDirectories(logFile.getParent());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        children.track(service.module(), process);
    }

    /** Waits until {@code /q/health/ready} answers 200, or fails naming the log to read. */
    public void awaitReady() throws IOException, InterruptedException {
        URI ready = URI.create("http://127.0.0.1:" + port() + "/q/health/ready");
        HttpProbe.awaitOk(ready, process, READY_TIMEOUT, service.module(), logFile);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as a crash would: no shutdown hook runs. Waits until the process is gone. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }
}
