package io.sigil.identity.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.identity.IdentityRecords;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.identity.TrustRules;
import io.sigil.runtime.messaging.KeyedJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Writes records to the compacted identities topic: an agent keyed by its DID, the trust rules under
 * {@link IdentityRecords#TRUST_RULES_KEY}, so that the topic keeps each one's latest state. The returned
 * {@link Uni} completes only once the broker has acknowledged the record. Only {@link PublicationRelay} calls
 * it, so that records of one key are always sent in version order.
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

    Uni<Void> publish(RegisteredAgent agent) {
        return send(agent.did(), agent);
    }

    Uni<Void> publish(TrustRules rules) {
        return send(IdentityRecords.TRUST_RULES_KEY, rules);
    }

    private Uni<Void> send(String key, Object value) {
        // An emitter that refuses at once (buffer full, channel down) fails the Uni instead of throwing.
        return Uni.createFrom().deferred(() -> KeyedJson.send(emitter, mapper, key, value));
    }
}
