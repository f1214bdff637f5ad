package io.sigil.policy.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.policy.persistence.PolicyBundle;
import io.sigil.runtime.messaging.KeyedJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes policy bundles to the compacted policies topic, keyed by bundle id. The returned {@link Uni}
 * completes only once the broker has acknowledged the record.
 */
@ApplicationScoped
public class PolicyPublisher {

    /** The channel the configuration binds to the policies topic. */
    public static final String CHANNEL = "policies-out";

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;

    public PolicyPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, ObjectMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper;
    }

    public Uni<Void> publish(PolicyBundle bundle) {
        return KeyedJson.send(emitter, mapper, bundle.id(), bundle);
    }
}
