package io.sigil.scan.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.runtime.messaging.KeyedJson;
import io.sigil.scan.signing.SignedPack;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Announces signed, verified packs on the compacted scanners topic, keyed by pack id so that the topic keeps each
 * pack's latest verified version; completes once the broker acknowledged.
 */
@ApplicationScoped
public class ScannerPublisher {

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;

    public ScannerPublisher(@Channel("scanners-out") MutinyEmitter<String> emitter, ObjectMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper;
    }

    public Uni<Void> publish(SignedPack pack) {
        return KeyedJson.send(emitter, mapper, pack.id(), pack);
    }
}
