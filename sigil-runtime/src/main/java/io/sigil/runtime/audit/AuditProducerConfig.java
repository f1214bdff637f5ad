package io.sigil.runtime.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Where and how every service writes audit events: the topic and the Kafka producer's own settings. */
@ConfigMapping(prefix = "sigil.audit.producer")
public interface AuditProducerConfig {

    /** The append-only audit topic. */
    @WithDefault("sigil.audit.events")
    String topic();

    /** Kafka producer settings, by their Kafka names (bootstrap.servers, acks, linger.ms, ...). */
    Map<String, String> kafka();

    /** How long after start events wait for the audit topic's metadata; later, an event without it fails at once. */
    @WithDefault("10s")
    Duration startWait();

    /** How long a stopping service waits for the events it has sent to be acknowledged. */
    @WithDefault("10s")
    Duration closeTimeout();
}
