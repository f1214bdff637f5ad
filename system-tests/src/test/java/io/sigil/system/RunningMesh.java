package io.sigil.system;

import io.sigil.devstack.ChildProcesses;
import io.sigil.devstack.DevStackClient;
import io.sigil.devstack.MeshService;
import io.sigil.devstack.ServiceNode;
import io.sigil.devstack.StackProfile;
import io.sigil.devstack.StackState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged services a system test needs, started as real processes against the shared test devstack,
 * on the test profile's ports, and stopped by PID afterwards.
 */
final class RunningMesh implements AutoCloseable {

    private final StackState state;
    private final ChildProcesses children;
    private final List<ServiceNode> nodes = new ArrayList<>();

    private RunningMesh(StackState state, ChildProcesses children) {
        this.state = state;
        this.children = children;
    }

    static RunningMesh start(MeshService... services) throws Exception {
        return start(Map.of(), services);
    }

    /** The services, the gateway configured with these extra properties. */
    static RunningMesh start(Map<String, String> gatewayProperties, MeshService... services) throws Exception {
        StackState state = DevStackClient.ensureRunning(StackProfile.TEST);
        Path root = Path.of(System.getProperty("sigil.mesh.root", ".."))
                .toAbsolutePath()
                .normalize();
        ChildProcesses children =
                new ChildProcesses(StackProfile.TEST.stateDir().resolve("system-tests.pids"));
        children.reapLeftovers();
        RunningMesh mesh = new RunningMesh(state, children);
        try {
            for (MeshService service : services) {
                Map<String, String> props = ServiceNode.connectionProperties(service, state, StackProfile.TEST);
                if (service == MeshService.GATEWAY) {
                    props.put("sigil.gateway.upstreams.demo.url", url(MeshService.DEMO_UPSTREAM) + "/mcp");
                    props.putAll(gatewayProperties);
                }
                ServiceNode node = new ServiceNode(service, StackProfile.TEST, root, props);
                node.start(children);
                mesh.nodes.add(node);
            }
            for (ServiceNode node : mesh.nodes) {
                node.awaitReady();
            }
            return mesh;
        } catch (Exception e) {
            mesh.close();
            throw e;
        }
    }

    /** One more gateway, on its own port, in front of another upstream; stopped with the mesh. */
    String startGateway(int port, String upstreamUrl) throws Exception {
        return startGateway(port, Map.of("sigil.gateway.upstreams.demo.url", upstreamUrl));
    }

    /** One more gateway, on its own port, with these upstreams (and other settings); stopped with the mesh. */
    String startGateway(int port, Map<String, String> gatewayProperties) throws Exception {
        Map<String, String> props = ServiceNode.connectionProperties(MeshService.GATEWAY, state, StackProfile.TEST);
        props.put("quarkus.http.port", String.valueOf(port));
        props.putAll(gatewayProperties);
        ServiceNode node = new ServiceNode(
                MeshService.GATEWAY,
                StackProfile.TEST,
                Path.of(System.getProperty("sigil.mesh.root", ".."))
                        .toAbsolutePath()
                        .normalize(),
                props,
                StackProfile.TEST.stateDir().resolve("gateway-" + port + ".log"));
        node.start(children);
        nodes.add(node);
        node.awaitReady();
        return "http://127.0.0.1:" + port;
    }

    static String url(MeshService service) {
        return "http://127.0.0.1:" + service.port(StackProfile.TEST);
    }

    StackState state() {
        return state;
    }

    @Override
    public void close() {
        children.stopAll(Duration.ofSeconds(10));
    }
}
