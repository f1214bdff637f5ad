package io.sigil.runtime.health;

import io.sigil.runtime.ServiceConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the service's own PostgreSQL database answers a query. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements AsyncHealthCheck {

    private final Pool pool;
    private final Duration timeout;
    private final TransitionLog transitions = new TransitionLog("PostgreSQL");

    public DatabaseReadinessCheck(Pool pool, ServiceConfig config) {
        this.pool = pool;
        this.timeout = config.probeTimeout();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("select 1")
                .execute()
                .ifNoItem()
                .after(timeout)
                .fail()
                .map(rows -> {
                    transitions.record(true, "");
                    return HealthCheckResponse.named("postgresql").up().build();
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    String reason = failure.getClass().getSimpleName();
                    transitions.record(false, reason);
                    return HealthCheckResponse.named("postgresql")
                            .down()
                            .withData("reason", reason)
                            .build();
                });
    }
}
