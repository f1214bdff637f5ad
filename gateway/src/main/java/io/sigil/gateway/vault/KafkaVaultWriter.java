package io.sigil.gateway.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.model.VaultEntry;
import io.sigil.runtime.messaging.BrokerAck;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes sealed entries to the vault's append-only topic, keyed by id, on the gateway's idempotent {@code acks=all}
 * producer, and completes when the broker has acknowledged every one; a refusal, a broker away longer than the
 * ack timeout, or a topic whose metadata is not yet known within it, fail the write.
 */
public final class KafkaVaultWriter implements VaultWriter {

    private final Producer<String, String> producer;
    private final String topic;
    private final ObjectMapper mapper;
    private final CompletableFuture<Void> topicKnown;
    private final Duration ackTimeout;

    public KafkaVaultWriter(
            Producer<String, String> producer,
            String topic,
            ObjectMapper mapper,
            CompletableFuture<Void> topicKnown,
            Duration ackTimeout) {
        this.producer = producer;
        this.topic = topic;
        this.mapper = mapper;
        this.topicKnown = topicKnown;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public CompletionStage<Void> write(List<VaultEntry> entries) {
        return topicKnown
                .copy()
                .thenCompose(known ->
                        CompletableFuture.allOf(entries.stream().map(this::send).toArray(CompletableFuture[]::new)))
                .orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<Void> send(VaultEntry entry) {
        try {
            return BrokerAck.send(producer, new ProducerRecord<>(topic, entry.id(), mapper.writeValueAsString(entry)));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("a vault entry is not serialisable"));
        }
    }
}
