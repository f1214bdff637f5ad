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
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several HEC requests awaiting their indexer acks at once: order, out-of-order acks, resend after a lost ack. */
class HecAckWindowTest {

    private final String token = "fake-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final HecAcks acks = HecAcks.onNewChannel(Duration.ofMillis(20), Duration.ofMillis(1500));
    private HecReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = new HecReceiver(token);
        receiver.requireAcks();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private HecSender sender(int maxInFlight, int eventsPerRequest) {
        return new HecSender(HecConfig.of(receiver.baseUrl(), new HecToken(token), "audit-1")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withAcks(acks.withMaxInFlight(maxInFlight))
                .withMaxEventsPerRequest(eventsPerRequest));
    }

    @Test
    void upToMaxInFlightRequestsAwaitTheirAcksTogether() {
        // Given a collector that indexes each request at the second ack request about it
        receiver.acknowledgeAfterPolls(2);
        List<SealedEvent> events = TestEvents.batch("c", 0, 24);

        // When 24 events go out as 8 requests of 3 with 4 in flight
        DeliveryResult result = sender(4, 3).deliver(events);

        // Then all are delivered, each request sent once and in order, and 4 ackIds were asked about at once
        assertThat(result).isEqualTo(DeliveryResult.delivered(24));
        assertThat(receiver.requests())
                .extracting(HecReceiver.Request::ackId)
                .containsExactly(LongStream.range(0, 8).boxed().toArray(Long[]::new));
        assertThat(seqs(receiver.processedEvents()))
                .containsExactly(LongStream.range(0, 24).boxed().toArray(Long[]::new));
        assertThat(receiver.ackRequests().get(0)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(receiver.ackRequests()).allSatisfy(asked -> assertThat(asked).hasSizeLessThanOrEqualTo(4));
        assertThat(counts(receiver.acknowledgedEvents())).hasSize(24).allSatisfy((seq, n) -> assertThat(n)
                .isEqualTo(1L));
    }

    @Test
    void withOneInFlightEachAckRequestAsksAboutOneRequest() {
        receiver.acknowledgeAfterPolls(2);

        assertThat(sender(1, 3).deliver(TestEvents.batch("c", 0, 9))).isEqualTo(DeliveryResult.delivered(9));

        assertThat(receiver.ackRequests()).allSatisfy(asked -> assertThat(asked).hasSize(1));
        assertThat(receiver.requests()).hasSize(3);
    }

    @Test
    void acksOutOfOrderDeliverEverythingOnceAndFreeTheirSlots() {
        // Given a collector that indexes the first request only at its fifth poll, every later one at once
        receiver.acknowledgeLate(0, 5);

        // When 6 requests go out with 4 in flight
        DeliveryResult result = sender(4, 2).deliver(TestEvents.batch("c", 0, 12));

        // Then nothing is sent twice, and requests 4 and 5 went out while request 0 still awaited its ack
        assertThat(result).isEqualTo(DeliveryResult.delivered(12));
        assertThat(receiver.requests()).extracting(HecReceiver.Request::ackId).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(receiver.ackRequests()).anySatisfy(asked -> assertThat(asked).contains(0L, 4L));
        assertThat(counts(receiver.acknowledgedEvents())).hasSize(12).allSatisfy((seq, n) -> assertThat(n)
                .isEqualTo(1L));
    }

    @Test
    void aLostAckConfirmsOnlyTheRequestsBeforeItAndTheRestIsSentAgainInOrder() {
        // Given a collector that never indexes the second request (ackId 1) but indexes those after it
        receiver.withholdAcks(1L);
        List<SealedEvent> events = TestEvents.batch("c", 0, 12);
        HecSender sender = sender(4, 3);

        // When the 4 requests of 3 are delivered
        long started = System.nanoTime();
        DeliveryResult first = sender.deliver(events);

        // Then only the first request is confirmed, after the ack timeout, and the reason names the lost ackId only
        assertThat(first.isRetryable()).isTrue();
        assertThat(first.events()).isEqualTo(3);
        assertThat(first.reason()).contains("ackId 1").doesNotContain(token);
        assertThat((System.nanoTime() - started) / 1_000_000)
                .isGreaterThanOrEqualTo(acks.timeout().toMillis());

        // And offering the rest again (what the feed's cursor does) resends requests 1, 2 and 3 in their order
        DeliveryResult rest = sender.deliver(events.subList(first.events(), events.size()));
        assertThat(rest).isEqualTo(DeliveryResult.delivered(9));
        assertThat(receiver.requests())
                .extracting(HecReceiver.Request::ackId)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(seqs(receiver.processedEvents()))
                .containsExactly(
                        0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        // At least once: every event indexed, those acknowledged out of order twice
        Map<Long, Long> indexed = counts(receiver.acknowledgedEvents());
        assertThat(indexed).hasSize(12);
        assertThat(indexed.get(0L)).isEqualTo(1L);
        assertThat(indexed.get(3L)).isEqualTo(1L);
        assertThat(indexed.get(6L)).isEqualTo(2L);
    }

    @Test
    void aRetryingSenderResendsFromTheFirstUnconfirmedRequest() {
        receiver.withholdAcks(2L);
        RetryingExporter retrying = new RetryingExporter(
                sender(4, 2),
                new Backoff(Duration.ofMillis(5), Duration.ofMillis(20)),
                new RetryPolicy(5, Duration.ofSeconds(10)));

        DeliveryResult result = retrying.deliver(TestEvents.batch("c", 0, 8));

        assertThat(result).isEqualTo(DeliveryResult.delivered(8));
        assertThat(seqs(receiver.processedEvents())).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 4L, 5L, 6L, 7L);
        assertThat(counts(receiver.acknowledgedEvents())).hasSize(8);
    }

    @Test
    void atLeastOneRequestMustBeAllowedInFlight() {
        assertThatThrownBy(() -> acks.withMaxInFlight(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Long> seqs(List<JsonNode> envelopes) {
        return envelopes.stream()
                .map(e -> e.path("event").path("sigil_chain").path("seq").asLong())
                .toList();
    }

    private static Map<Long, Long> counts(List<JsonNode> envelopes) {
        return seqs(envelopes).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
