package io.sigil.gateway.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready only while its registry replica is current: otherwise it refuses every call anyway. */
@Readiness
@ApplicationScoped
public class IdentityReplicaReadinessCheck implements HealthCheck {

    private final IdentityReplica replica;

    public IdentityReplicaReadinessCheck(IdentityReplica replica) {
        this.replica = replica;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> unavailable = replica.unavailable();
        return HealthCheckResponse.named("identity-replica")
                .status(unavailable.isEmpty())
                .withData("agents", replica.agents())
                .withData(
                        "trust_rules_version",
                        replica.rules().map(rules -> rules.version()).orElse(0L))
                .withData("reason", unavailable.orElse("current"))
                .build();
    }
}
