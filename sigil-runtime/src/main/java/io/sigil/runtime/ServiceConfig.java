package io.sigil.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings every SIGIL service has. */
@ConfigMapping(prefix = "sigil.service")
public interface ServiceConfig {

    /** The service's name, as it appears in audit events and health reports. */
    String name();

    /** How long a readiness probe may wait for Kafka or PostgreSQL before reporting DOWN. */
    @WithDefault("2s")
    Duration probeTimeout();
}
