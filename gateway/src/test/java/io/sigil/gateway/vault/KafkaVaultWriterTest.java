package io.sigil.gateway.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sigil.core.model.VaultEntry;
import io.sigil.runtime.messaging.TopicMetadata;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A real Kafka producer whose broker is away: the write fails within the ack timeout, so the caller refuses. */
class KafkaVaultWriterTest {

    @Test
    void aWriteWithNoBrokerFailsWithinTheAckTimeoutAndNeverBlocksTheCaller() throws Exception {
        // Given a producer configured as the gateway's (never blocking), pointed at a port nobody listens on
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + port,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                0,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()))) {
            TopicMetadata metadata = new TopicMetadata(producer, "sigil.vault.entries");
            metadata.start();
            KafkaVaultWriter writer = new KafkaVaultWriter(
                    producer,
                    "sigil.vault.entries",
                    new ObjectMapper().registerModule(new JavaTimeModule()),
                    metadata.known(),
                    Duration.ofMillis(500));
            VaultEntry entry = new VaultEntry(
                    UUID.randomUUID().toString(),
                    new byte[64],
                    "IBAN at /x (request)",
                    Instant.now(),
                    List.of(),
                    null,
                    1);

            // When an entry is written
            long start = System.nanoTime();
            var written = writer.write(List.of(entry)).toCompletableFuture();
            long returned = System.nanoTime();

            // Then the call returned at once, and the write failed after the ack timeout
            assertThat(Duration.ofNanos(returned - start)).isLessThan(Duration.ofMillis(200));
            assertThatThrownBy(written::join)
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(450), Duration.ofSeconds(5));
            metadata.stop();
        }
    }
}
