package io.sigil.soc.hec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.soc.DeliveryResult;
import io.sigil.soc.SealedEvent;
import io.sigil.soc.event.Json;
import io.sigil.soc.retry.Backoff;
import io.sigil.soc.retry.RetryPolicy;
import io.sigil.soc.retry.RetryingExporter;
import io.sigil.soc.support.HecReceiver;
import io.sigil.soc.support.TestEvents;
import io.sigil.soc.support.TestPki;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HEC sender against a HEC-compatible receiver: envelope, retries, at-least-once, token secrecy. */
class HecSenderTest {

    // A fresh fake credential per run: nothing real is ever committed.
    private final String token = "fake-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private HecReceiver receiver;
    private HecSender sender;

    @BeforeEach
    void start() throws IOException {
        receiver = new HecReceiver(token);
        sender = new HecSender(config(token));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private HecConfig config(String withToken) {
        return HecConfig.of(receiver.baseUrl(), new HecToken(withToken), "audit-1")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private static Map<String, Long> countsByAuditId(List<JsonNode> envelopes) {
        return envelopes.stream()
                .map(e -> e.path("event").path("unmapped").path("audit_id").asText())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static List<String> ids(List<SealedEvent> batch) {
        List<String> out = new ArrayList<>();
        for (SealedEvent e : batch) {
            out.add(readJson(e.eventJson()).path("unmapped").get("audit_id").asText());
        }
        return out;
    }

    @Test
    void deliversEveryEventExactlyOnceWithItsChainAndEnvelope() throws Exception {
        List<SealedEvent> first = TestEvents.batch("gw-1", 0, 25);
        List<SealedEvent> second = TestEvents.batch("gw-1", 25, 25);

        assertThat(sender.deliver(first)).isEqualTo(DeliveryResult.delivered(25));
        assertThat(sender.deliver(second)).isEqualTo(DeliveryResult.delivered(25));

        assertThat(receiver.requests()).hasSize(2).allMatch(r -> r.status() == 200);
        assertThat(receiver.requests().get(0).authorization()).isEqualTo("Splunk " + token);
        List<JsonNode> got = receiver.processedEvents();
        List<String> expectedIds = new ArrayList<>(ids(first));
        expectedIds.addAll(ids(second));
        assertThat(countsByAuditId(got)).hasSize(50).allSatisfy((id, n) -> assertThat(n)
                .isEqualTo(1L));
        assertThat(countsByAuditId(got)).containsOnlyKeys(expectedIds);

        for (int i = 0; i < first.size(); i++) {
            SealedEvent sent = first.get(i);
            JsonNode envelope = got.get(i);
            assertThat(envelope.get("host").asText()).isEqualTo("audit-1");
            assertThat(envelope.get("source").asText()).isEqualTo("sigil-audit");
            assertThat(envelope.get("sourcetype").asText()).isEqualTo("sigil:ocsf");
            assertThat(envelope.get("time").decimalValue()).isEqualByComparingTo("1741944413.123");
            JsonNode event = envelope.get("event").deepCopy();
            JsonNode chain = ((ObjectNode) event).remove("sigil_chain");
            assertThat(event).isEqualTo(readJson(sent.eventJson()));
            assertThat(chain.get("chain").asText()).isEqualTo("gw-1");
            assertThat(chain.get("seq").asLong()).isEqualTo(sent.seq());
            assertThat(chain.get("epoch").asLong()).isEqualTo(3);
            assertThat(chain.get("mac").asText()).isEqualTo(sent.mac());
            assertThat(chain.get("prev_mac").asText()).isEqualTo(sent.prevMac());
        }
    }

    @Test
    void timeCarriesMillisecondsAsAFraction() {
        sender.deliver(List.of(TestEvents.sealed("c", 1, "{\"time\":1700000000.5,\"audit_id\":\"t\"}")));

        JsonNode envelope = receiver.processedEvents().get(0);
        assertThat(envelope.get("time").isNumber()).isTrue();
        assertThat(envelope.get("time").decimalValue()).isEqualByComparingTo("1700000000.500");
    }

    @Test
    void malformedEventTextIsDeliveredRaw() {
        String text = "{\"audit_id\": broken \u0000 \n";

        assertThat(sender.deliver(List.of(TestEvents.sealed("c", 8, text))).isDelivered())
                .isTrue();

        JsonNode event = receiver.processedEvents().get(0).get("event");
        assertThat(event.get("sigil_raw_event").asText()).isEqualTo(text);
        assertThat(event.get("sigil_chain").get("seq").asLong()).isEqualTo(8);
    }

    @Test
    void busyCollectorIsRetriedUntilSuccessAndDuplicatesOnlyFollowAFailedAttempt() {
        RetryingExporter retrying = new RetryingExporter(
                sender,
                new Backoff(Duration.ofMillis(5), Duration.ofMillis(40)),
                new RetryPolicy(10, Duration.ofSeconds(10)));
        List<SealedEvent> clean = TestEvents.batch("c", 0, 10);
        List<SealedEvent> troubled = TestEvents.batch("c", 10, 10);
        List<SealedEvent> after = TestEvents.batch("c", 20, 10);

        assertThat(retrying.deliver(clean).isDelivered()).isTrue();
        // Two answers of 503 although the collector kept the events, then a 429 after which it kept nothing.
        receiver.failNext(2, 503, true);
        receiver.failNext(1, 429, false);
        assertThat(retrying.deliver(troubled)).isEqualTo(DeliveryResult.delivered(10));
        assertThat(retrying.deliver(after).isDelivered()).isTrue();

        assertThat(receiver.requests())
                .extracting(HecReceiver.Request::status)
                .containsExactly(200, 503, 503, 429, 200, 200);
        Map<String, Long> counts = countsByAuditId(receiver.processedEvents());
        ids(clean).forEach(id -> assertThat(counts.get(id)).as(id).isEqualTo(1L));
        ids(after).forEach(id -> assertThat(counts.get(id)).as(id).isEqualTo(1L));
        // Each processed-but-failed attempt adds one copy, the final success another: at least once, never lost.
        ids(troubled).forEach(id -> assertThat(counts.get(id)).as(id).isEqualTo(3L));
        assertThat(counts).hasSize(30);
    }

    @Test
    void serverErrorsAndThrottlingAreRetryable() {
        for (int status : new int[] {429, 500, 502, 503, 504}) {
            receiver.failNext(1, status, false);
            DeliveryResult result = sender.deliver(TestEvents.batch("c", 0, 2));
            assertThat(result.isRetryable()).as("HTTP " + status).isTrue();
            assertThat(result.reason()).contains("HTTP " + status);
        }
        assertThat(receiver.processedEvents()).isEmpty();
    }

    @Test
    void badTokenIsAPermanentFailureThatNeverShowsTheToken() {
        String wrong = "fake-wrong-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        receiver.echoAuthorizationOn401(true);
        HecSender badSender = new HecSender(config(wrong));

        DeliveryResult result = badSender.deliver(TestEvents.batch("c", 0, 3));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.PERMANENT_FAILURE);
        assertThat(result.reason()).contains("HTTP 401", "Invalid token").doesNotContain(wrong);
        assertThat(result.toString()).doesNotContain(wrong);
        // The collector did echo it: the redaction, not luck, kept it out.
        assertThat(receiver.requests().get(0).authorization()).contains(wrong);
        assertThat(badSender.toString()).doesNotContain(wrong);
        assertThat(config(wrong).toString()).doesNotContain(wrong);
        assertThat(new HecToken(wrong).toString()).doesNotContain(wrong);
    }

    @Test
    void otherClientErrorsArePermanent() {
        for (int status : new int[] {400, 403, 404, 413}) {
            receiver.failNext(1, status, false);
            DeliveryResult result = sender.deliver(TestEvents.batch("c", 0, 1));
            assertThat(result.status()).as("HTTP " + status).isEqualTo(DeliveryResult.Status.PERMANENT_FAILURE);
            assertThat(result.reason()).doesNotContain(token);
        }
    }

    @Test
    void deliversOverTlsToACollectorWhoseCertificateItTrusts(@TempDir Path dir) throws Exception {
        // Given a collector on HTTPS whose certificate, for 127.0.0.1, a private CA signed
        TestPki pki = TestPki.create(dir, "ip:127.0.0.1");
        try (HecReceiver tls = new HecReceiver(token, pki.serverContext())) {
            HecSender trusting = new HecSender(HecConfig.of(tls.baseUrl(), new HecToken(token), "audit-1")
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                    .withTls(pki.clientContext()));

            // When a batch is delivered by a sender that trusts that CA
            List<SealedEvent> batch = TestEvents.batch("tls", 0, 3);
            DeliveryResult result = trusting.deliver(batch);

            // Then every event arrives, over TLS
            assertThat(tls.baseUrl().getScheme()).isEqualTo("https");
            assertThat(result.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
            assertThat(countsByAuditId(tls.processedEvents())).containsOnlyKeys(ids(batch));
        }
    }

    @Test
    void refusesACollectorWhoseCertificateItDoesNotTrustOrThatNamesAnotherHost(@TempDir Path dir) throws Exception {
        // Given a collector whose CA the sender does not know, and one whose certificate names another host
        TestPki pki = TestPki.create(dir.resolve("trusted"), "ip:127.0.0.1");
        TestPki elsewhere = TestPki.create(dir.resolve("elsewhere"), "dns:collector.other.example");
        try (HecReceiver unknownCa = new HecReceiver(
                        token,
                        TestPki.create(dir.resolve("unknown"), "ip:127.0.0.1").serverContext());
                HecReceiver wrongHost = new HecReceiver(token, elsewhere.serverContext())) {
            HecSender toUnknownCa = new HecSender(HecConfig.of(unknownCa.baseUrl(), new HecToken(token), "h")
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                    .withTls(pki.clientContext()));
            HecSender toWrongHost = new HecSender(HecConfig.of(wrongHost.baseUrl(), new HecToken(token), "h")
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                    .withTls(elsewhere.clientContext()));

            // When batches are sent to each
            DeliveryResult untrusted = toUnknownCa.deliver(TestEvents.batch("c", 0, 1));
            DeliveryResult misnamed = toWrongHost.deliver(TestEvents.batch("c", 0, 1));

            // Then neither is delivered, nothing reaches either collector, and no reason shows the token
            for (DeliveryResult result : List.of(untrusted, misnamed)) {
                assertThat(result.status()).isNotEqualTo(DeliveryResult.Status.DELIVERED);
                assertThat(result.reason()).doesNotContain(token);
            }
            assertThat(unknownCa.requests()).isEmpty();
            assertThat(wrongHost.requests()).isEmpty();
        }
    }

    @Test
    void unreachableCollectorIsRetryableAndTheReasonHasNoToken() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HecSender away =
                new HecSender(HecConfig.of(URI.create("http://127.0.0.1:" + closedPort), new HecToken(token), "h")
                        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));

        DeliveryResult result = away.deliver(TestEvents.batch("c", 0, 1));

        assertThat(result.isRetryable()).isTrue();
        assertThat(result.reason()).startsWith("HEC request failed").doesNotContain(token);
    }

    @Test
    void slowCollectorTimesOutAsRetryable() {
        receiver.delayNext(1500);
        HecSender impatient = new HecSender(config(token).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));

        DeliveryResult result = impatient.deliver(TestEvents.batch("c", 0, 1));

        assertThat(result.isRetryable()).isTrue();
        assertThat(result.reason()).contains("Timeout");
    }

    @Test
    void successStatusWithoutTheSuccessAckIsNotDelivered() {
        for (String body :
                List.of("", "not json", "{\"text\":\"Success\",\"code\":7}", "{\"text\":\"Fine\",\"code\":0}")) {
            receiver.replyNext(200, body);
            DeliveryResult result = sender.deliver(TestEvents.batch("c", 0, 1));
            assertThat(result.isDelivered()).as(body).isFalse();
            assertThat(result.isRetryable()).as(body).isTrue();
        }
    }

    @Test
    void emptyBatchIsTriviallyDelivered() {
        assertThat(sender.deliver(List.of())).isEqualTo(DeliveryResult.delivered(0));
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void endpointPathIsAppendedOnce() {
        assertThat(HecConfig.of(URI.create("https://splunk:8088/"), new HecToken(token), "h")
                        .eventEndpoint())
                .isEqualTo(URI.create("https://splunk:8088/services/collector/event"));
    }

    private static JsonNode readJson(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
