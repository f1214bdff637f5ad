package io.sigil.runtime.health;

import io.sigil.runtime.ServiceConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kafka cluster answers: every SIGIL service reads or writes its state there. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private final Admin admin;
    private final long timeoutMillis;
    private final String bootstrap;
    private final TransitionLog transitions = new TransitionLog("Kafka");

    public KafkaReadinessCheck(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, ServiceConfig config) {
        this.bootstrap = bootstrap;
        this.timeoutMillis = config.probeTimeout().toMillis();
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) timeoutMillis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) timeoutMillis,
                AdminClientConfig.CLIENT_ID_CONFIG,
                config.name() + "-health"));
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMillis))
                    .nodes()
                    .get(timeoutMillis + 500, TimeUnit.MILLISECONDS)
                    .size();
            transitions.record(true, "");
            return HealthCheckResponse.named("kafka")
                    .up()
                    .withData("bootstrap", bootstrap)
                    .withData("nodes", nodes)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (Exception e) {
            String reason = e.getCause() != null
                    ? e.getCause().getClass().getSimpleName()
                    : e.getClass().getSimpleName();
            transitions.record(false, reason + " at " + bootstrap);
            return down(reason);
        }
    }

    private HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named("kafka")
                .down()
                .withData("bootstrap", bootstrap)
                .withData("reason", reason)
                .build();
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
