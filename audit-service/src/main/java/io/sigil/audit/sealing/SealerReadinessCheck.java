package io.sigil.audit.sealing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while sealing has failed for longer than a short outage: whatever the cause (a dependency, or an
 * event nobody foresaw), an audit store that stopped sealing must show it, not just log it once.
 */
@Readiness
@ApplicationScoped
public class SealerReadinessCheck implements HealthCheck {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Sealer sealer;

    public SealerReadinessCheck(Sealer sealer) {
        this.sealer = sealer;
    }

    @Override
    public HealthCheckResponse call() {
        Instant since = sealer.pausedSince();
        boolean stalled = since != null && since.plus(GRACE).isBefore(Instant.now());
        return HealthCheckResponse.named("audit-sealer")
                .status(!stalled)
                .withData("sealed_since_start", sealer.sealedCount())
                .withData("paused_since", since == null ? "" : since.toString())
                .withData("reason", stalled && sealer.pauseReason() != null ? sealer.pauseReason() : "")
                .build();
    }
}
