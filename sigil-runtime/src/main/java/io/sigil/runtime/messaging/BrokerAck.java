package io.sigil.runtime.messaging;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** One record sent, as a future that completes when the broker has acknowledged it and fails when it will not. */
public final class BrokerAck {

    private BrokerAck() {}

    public static CompletableFuture<Void> send(
            Producer<String, String> producer, ProducerRecord<String, String> record) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException refused) {
            // A producer that never blocks its caller (max.block.ms=0) refuses at once rather than wait: no metadata
            // for the topic yet, a full buffer while the broker is away, or a closed producer. The record is not
            // written, so the caller fails closed.
            acknowledged.completeExceptionally(refused);
        }
        return acknowledged;
    }
}
