package io.sigil.devstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.sigil.devstack.DevStackClient;
import io.sigil.devstack.MeshService;
import io.sigil.devstack.ServiceNode;
import io.sigil.devstack.StackProfile;
import io.sigil.devstack.StackState;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the shared test devstack: real Kafka, PostgreSQL and Keycloak. The
 * init argument {@code service} names the {@link MeshService} whose database the test uses.
 */
public final class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private MeshService service = MeshService.GATEWAY;

    @Override
    public void init(Map<String, String> initArgs) {
        String name = initArgs.get("service");
        if (name != null) {
            service = MeshService.valueOf(name);
        }
    }

    @Override
    public Map<String, String> start() {
        StackState state = DevStackClient.ensureRunning(StackProfile.TEST);
        Map<String, String> config = new HashMap<>(ServiceNode.connectionProperties(service, state, StackProfile.TEST));
        // @QuarkusTest picks its own HTTP port; the mesh's fixed ports belong to running services.
        config.remove("quarkus.http.port");
        config.remove("quarkus.http.host");
        config.put("sigil.test.keycloak-url", state.keycloakUrl());
        return config;
    }

    @Override
    public void stop() {
        // The stack is shared by the whole test run; its supervisor stops itself when the lease goes stale.
    }
}
