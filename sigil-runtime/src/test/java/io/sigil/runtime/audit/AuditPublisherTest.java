package io.sigil.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.model.AuditEvent;
import io.sigil.ledger.Jcs;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class AuditPublisherTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    private final MockProducer<String, String> producer =
            new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
    private final AuditPublisher publisher = new AuditPublisher(
            producer, "audit.topic", mapper, CompletableFuture.completedFuture(null), Duration.ofSeconds(1));

    private static AuditEvent event(String id) {
        return new AuditEvent(
                id,
                Instant.parse("2026-11-24T02:00:00Z"),
                AuditEvent.API_ACTIVITY,
                "tools/call",
                "gateway",
                "agent-7",
                null,
                "success",
                Map.of("tool", "echo"));
    }

    @Test
    void completesOnlyWhenTheBrokerAcknowledges() throws Exception {
        CompletableFuture<Void> acknowledged = publisher.log(event("a-1")).toCompletableFuture();

        assertThat(acknowledged).isNotDone();
        ProducerRecord<String, String> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo("audit.topic");
        assertThat(sent.key()).isEqualTo("gateway");
        JsonNode value = mapper.readTree(sent.value());
        assertThat(value.path("unmapped").path("audit_id").asText()).isEqualTo("a-1");
        assertThat(value.path("unmapped").path("attributes").path("tool").asText())
                .isEqualTo("echo");
        assertThat(value.path("metadata").path("correlation_uid").asText()).isEqualTo("a-1");

        producer.completeNext();
        assertThat(acknowledged).isCompleted();
    }

    @Test
    void sendsTheEventInItsCanonicalForm() throws Exception {
        publisher.log(event("a-1 \"quoted\"\ttabbed"));

        String sent = producer.history().get(0).value();
        // RFC 8785: sorted names, no whitespace, JCS's escapes; what audit-service seals without writing it again.
        assertThat(sent).isEqualTo(Jcs.canonicalString(mapper.readTree(sent)));
        assertThat(sent).startsWith("{\"action\":").contains("\"audit_id\":\"a-1 \\\"quoted\\\"\\ttabbed\"");
        assertThat(mapper.readValue(sent, AuditEvent.class)).isEqualTo(event("a-1 \"quoted\"\ttabbed"));
    }

    @Test
    void aBrokerFailureFailsTheAcknowledgement() {
        CompletableFuture<Void> acknowledged = publisher.log(event("a-2")).toCompletableFuture();

        producer.errorNext(new TimeoutException("no ack within the delivery timeout"));

        assertThat(acknowledged).isCompletedExceptionally();
    }

    @Test
    void aProducerThatRefusesAtOnceFailsTheStageInsteadOfThrowing() {
        // What max.block.ms=0 gives without topic metadata or buffer room: the caller's thread is never held.
        producer.sendException = new TimeoutException("metadata not available");

        CompletableFuture<Void> acknowledged = publisher.log(event("a-3")).toCompletableFuture();

        assertThat(acknowledged).isCompletedExceptionally();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void eventsOfOneSourceKeepTheirOrder() {
        publisher.log(event("first"));
        publisher.log(event("second"));

        assertThat(producer.history())
                .extracting(sent -> sent.value().contains("\"first\"") ? 1 : 2)
                .containsExactly(1, 2);
    }

    @Test
    void publishIsLazyUntilSubscribed() {
        var pending = publisher.publish(event("lazy"));
        assertThat(producer.history()).isEmpty();

        CompletableFuture<Void> acknowledged = pending.subscribeAsCompletionStage();
        producer.completeNext();

        assertThat(acknowledged).isCompleted();
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void eventsSentBeforeTheTopicIsKnownWaitForItInOrderInsteadOfBeingRefused() {
        CompletableFuture<Void> topicKnown = new CompletableFuture<>();
        AuditPublisher starting =
                new AuditPublisher(producer, "audit.topic", mapper, topicKnown, Duration.ofSeconds(5));

        CompletableFuture<Void> first = starting.log(event("first")).toCompletableFuture();
        CompletableFuture<Void> second = starting.log(event("second")).toCompletableFuture();
        assertThat(producer.history()).isEmpty();

        topicKnown.complete(null);
        starting.log(event("third"));
        producer.completeNext();
        producer.completeNext();

        assertThat(producer.history())
                .extracting(sent -> sent.value().replaceAll(".*\"audit_id\":\"(\\w+)\".*", "$1"))
                .containsExactly("first", "second", "third");
        assertThat(first).isCompleted();
        assertThat(second).isCompleted();
    }

    @Test
    void anEventFailsWhenTheTopicIsNotKnownInTime() {
        AuditPublisher starting =
                new AuditPublisher(producer, "audit.topic", mapper, new CompletableFuture<>(), Duration.ofMillis(20));

        CompletableFuture<Void> acknowledged = starting.log(event("late")).toCompletableFuture();

        assertThat(acknowledged)
                .failsWithin(Duration.ofSeconds(2))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class);
        assertThat(producer.history()).isEmpty();
    }
}
