package io.sigil.soc.hec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigil.soc.DeliveryResult;
import io.sigil.soc.SealedEvent;
import io.sigil.soc.retry.Backoff;
import io.sigil.soc.retry.RetryPolicy;
import io.sigil.soc.retry.RetryingExporter;
import io.sigil.soc.support.HecReceiver;
import io.sigil.soc.support.TestEvents;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HEC indexer acknowledgement: delivered only when acked, resent when the ack does not come, on one channel. */
class HecAckTest {

    private final String token = "fake-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final HecAcks acks = HecAcks.onNewChannel(Duration.ofMillis(20), Duration.ofMillis(600));
    private HecReceiver receiver;
    private HecSender sender;

    @BeforeEach
    void start() throws IOException {
        receiver = new HecReceiver(token);
        receiver.requireAcks();
        sender = new HecSender(HecConfig.of(receiver.baseUrl(), new HecToken(token), "audit-1")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withAcks(acks));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aBatchIsDeliveredOnceItsAckIdIsReportedIndexed() {
        // Given a collector that reports a batch indexed only at the third ack request about it
        receiver.acknowledgeAfterPolls(3);
        List<SealedEvent> batch = TestEvents.batch("c", 0, 5);

        // When
        DeliveryResult result = sender.deliver(batch);

        // Then the sender waited for the ack, sent the batch once, on its channel
        assertThat(result).isEqualTo(DeliveryResult.delivered(5));
        assertThat(receiver.ackPolls()).isEqualTo(3);
        assertThat(receiver.requests()).hasSize(1);
        assertThat(receiver.requests().get(0).channel()).isEqualTo(acks.channel());
        assertThat(receiver.acknowledgedEvents()).hasSize(5);
    }

    @Test
    void ackIdsFollowEachOtherOnTheChannel() {
        assertThat(sender.deliver(TestEvents.batch("c", 0, 2)).isDelivered()).isTrue();
        assertThat(sender.deliver(TestEvents.batch("c", 2, 2)).isDelivered()).isTrue();

        assertThat(receiver.requests()).extracting(HecReceiver.Request::ackId).containsExactly(0L, 1L);
    }

    @Test
    void aWithheldAckIsNotDeliveredAndTheBatchIsSentAgainUntilAcked() {
        // Given a collector that accepts the first batch (200, ackId 0) but never indexes it
        receiver.withholdAcksOfNext(1);
        List<SealedEvent> batch = TestEvents.batch("c", 0, 4);

        // When the sender delivers it alone: accepted is not delivered
        long started = System.nanoTime();
        DeliveryResult first = sender.deliver(batch);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        // Then it is a retryable failure after the ack timeout, naming the ackId and never the token
        assertThat(first.isRetryable()).isTrue();
        assertThat(first.reason()).contains("ackId 0").doesNotContain(token);
        assertThat(waitedMillis).isGreaterThanOrEqualTo(acks.timeout().toMillis());
        assertThat(receiver.acknowledgedEvents()).isEmpty();

        // And a retrying sender resends it until it is acknowledged: at least once, the copy that was lost twice
        RetryingExporter retrying = new RetryingExporter(
                sender,
                new Backoff(Duration.ofMillis(5), Duration.ofMillis(20)),
                new RetryPolicy(5, Duration.ofSeconds(10)));
        receiver.withholdAcksOfNext(1);
        assertThat(retrying.deliver(batch)).isEqualTo(DeliveryResult.delivered(4));
        assertThat(receiver.requests()).extracting(HecReceiver.Request::ackId).containsExactly(0L, 1L, 2L);
        Map<String, Long> received = counts(receiver.processedEvents());
        Map<String, Long> indexed = counts(receiver.acknowledgedEvents());
        assertThat(received).hasSize(4).allSatisfy((id, n) -> assertThat(n).isEqualTo(3L));
        assertThat(indexed).hasSize(4).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
    }

    @Test
    void aBusyCollectorIsRetryableAndTheNextAttemptIsAcknowledged() {
        // Given a collector whose first event answer is 503 (nothing kept) and that then accepts and acks
        receiver.failNext(1, 503, false);

        DeliveryResult busy = sender.deliver(TestEvents.batch("c", 0, 3));
        DeliveryResult then = sender.deliver(TestEvents.batch("c", 0, 3));

        assertThat(busy.isRetryable()).isTrue();
        assertThat(then).isEqualTo(DeliveryResult.delivered(3));
        assertThat(receiver.acknowledgedEvents()).hasSize(3);
    }

    @Test
    void aCollectorWithoutAcksForTheTokenCannotConfirmDelivery() throws IOException {
        // Given a collector that accepts batches but gives no ackId (acknowledgement off for the token)
        try (HecReceiver plain = new HecReceiver(token)) {
            HecSender expectingAcks = new HecSender(HecConfig.of(plain.baseUrl(), new HecToken(token), "audit-1")
                    .withAcks(acks));

            DeliveryResult result = expectingAcks.deliver(TestEvents.batch("c", 0, 2));

            assertThat(result.isDelivered()).isFalse();
            assertThat(result.reason()).contains("without an ackId");
        }
    }

    @Test
    void withoutAChannelACollectorThatNeedsAcksRefusesTheBatch() {
        HecSender noAcks = new HecSender(HecConfig.of(receiver.baseUrl(), new HecToken(token), "audit-1"));

        DeliveryResult result = noAcks.deliver(TestEvents.batch("c", 0, 2));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.PERMANENT_FAILURE);
        assertThat(result.reason()).contains("Data channel is missing");
    }

    @Test
    void aChannelMustBeAGuid() {
        assertThatThrownBy(() -> new HecAcks("not-a-guid", Duration.ofSeconds(1), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HecAcks(acks.channel(), Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Long> counts(List<JsonNode> envelopes) {
        return envelopes.stream()
                .map(e -> e.path("event").path("unmapped").path("audit_id").asText())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
