package io.sigil.gateway.scan;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready only once the scanner packs that were on the topic at start are applied. */
@Readiness
@ApplicationScoped
public class ScannerReplicaReadinessCheck implements HealthCheck {

    private final ScannerReplica replica;

    public ScannerReplicaReadinessCheck(ScannerReplica replica) {
        this.replica = replica;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("scanner-replica")
                .status(replica.loaded())
                .withData("reason", replica.loaded() ? "current" : "the scanner packs are still loading")
                .build();
    }
}
