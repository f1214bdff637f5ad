package io.sigil.runtime.health;

import io.sigil.runtime.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the process serves requests. Dependencies going away make a service not-ready, never
 * not-alive: restarting it would not bring Kafka or PostgreSQL back.
 */
@Liveness
@ApplicationScoped
public class ServiceLivenessCheck implements HealthCheck {

    private final String name;

    public ServiceLivenessCheck(ServiceConfig config) {
        this.name = config.name();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(name).up().build();
    }
}
