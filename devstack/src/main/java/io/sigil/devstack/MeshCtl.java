package io.sigil.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** {@code ./sigil-mesh down|status|demo}: finds a running stack by its state file and acts on it. */
public final class MeshCtl {

    private MeshCtl() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: MeshCtl down|status|demo [--profile dev|test]");
            System.exit(2);
        }
        StackProfile profile =
                args.length >= 3 && "--profile".equals(args[1]) ? StackProfile.parse(args[2]) : StackProfile.DEV;
        int exit =
                switch (args[0]) {
                    case "down" -> down(profile);
                    case "status" -> status(profile);
                    case "demo" -> demo(profile);
                    default -> {
                        System.err.println("unknown command " + args[0]);
                        yield 2;
                    }
                };
        System.exit(exit);
    }

    private static int down(StackProfile profile) {
        boolean stopped = DevStackClient.stop(profile, Duration.ofSeconds(45));
        new ChildProcesses(profile.stateDir().resolve("children.pids")).reapLeftovers();
        System.out.println(
                stopped
                        ? "sigil-mesh: the " + profile.id() + " mesh is stopped"
                        : "sigil-mesh: no " + profile.id() + " mesh is running");
        return 0;
    }

    private static int status(StackProfile profile) {
        Optional<StackState> state = DevStackClient.alive(profile);
        if (state.isEmpty()) {
            System.out.println("sigil-mesh: no " + profile.id() + " mesh is running");
            return 3;
        }
        StackState s = state.get();
        System.out.println("devstack (pid " + s.pid() + "): " + s.status());
        System.out.println(
                "  Kafka      " + s.kafkaBootstrap() + "  " + (PortGuard.isOpen(profile.kafkaPort()) ? "UP" : "DOWN"));
        System.out.println("  PostgreSQL 127.0.0.1:" + s.postgresPort() + "  "
                + (PortGuard.isOpen(s.postgresPort()) ? "UP" : "DOWN"));
        System.out.println(
                "  Keycloak   " + s.keycloakUrl() + "  " + (PortGuard.isOpen(profile.keycloakPort()) ? "UP" : "DOWN"));
        boolean allUp = true;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (MeshService service : MeshService.values()) {
            String health = readiness(http, service.port(profile));
            allUp &= health.equals("UP");
            System.out.printf("  %-16s 127.0.0.1:%d  %s%n", service.module(), service.port(profile), health);
        }
        return allUp ? 0 : 1;
    }

    private static String readiness(HttpClient http, int port) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? "UP" : "NOT READY (" + response.statusCode() + ")";
        } catch (Exception e) {
            return "DOWN";
        }
    }

    private static int demo(StackProfile profile) {
        Optional<StackState> state = DevStackClient.alive(profile).filter(StackState::ready);
        if (state.isEmpty()) {
            System.out.println("sigil-mesh: no ready " + profile.id() + " mesh; start it with ./sigil-mesh up");
            return 3;
        }
        MeshDemo demo = new MeshDemo(state.get(), profile, System.out);
        demo.printBanner();
        return demo.run() ? 0 : 1;
    }
}
