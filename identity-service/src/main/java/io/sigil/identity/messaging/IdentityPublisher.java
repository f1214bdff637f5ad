package io.sigil.identity.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.identity.persistence.Agent;
import io.sigil.runtime.messaging.KeyedJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes agents to the compacted identities topic, keyed by DID so that the topic keeps each agent's
 * latest state. The returned {@link Uni} completes only once the broker has acknowledged the record.
 */
@ApplicationScoped
public class IdentityPublisher {

    /** The channel the configuration binds to the identities topic. */
    public static final String CHANNEL = "identities-out";

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;

    public IdentityPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, ObjectMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper;
    }

    public Uni<Void> publish(Agent agent) {
        return KeyedJson.send(emitter, mapper, agent.did(), agent);
    }
}
