package io.sigil.runtime.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends a value as a JSON Kafka record with a key. The {@link Uni} completes once the broker has
 * acknowledged the record, so that callers can report a write only after it is durable.
 */
public final class KeyedJson {

    private KeyedJson() {}

    public static Uni<Void> send(MutinyEmitter<String> emitter, ObjectMapper mapper, String key, Object value) {
        String json;
        try {
            json = mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return Uni.createFrom()
                    .failure(new IllegalStateException(value.getClass().getSimpleName() + " is not serialisable", e));
        }
        OutgoingKafkaRecordMetadata<String> metadata =
                OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build();
        return emitter.sendMessage(Message.of(json).addMetadata(metadata));
    }
}
