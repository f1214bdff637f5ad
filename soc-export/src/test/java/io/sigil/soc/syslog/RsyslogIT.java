package io.sigil.soc.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigil.soc.DeliveryResult;
import io.sigil.soc.SealedEvent;
import io.sigil.soc.cef.CefFormatter;
import io.sigil.soc.event.EventView;
import io.sigil.soc.event.Json;
import io.sigil.soc.event.Severity;
import io.sigil.soc.retry.Backoff;
import io.sigil.soc.retry.RetryPolicy;
import io.sigil.soc.retry.RetryingExporter;
import io.sigil.soc.support.CefParser;
import io.sigil.soc.support.CefParser.CefRecord;
import io.sigil.soc.support.RecordingExporter;
import io.sigil.soc.support.Rfc5424Parser;
import io.sigil.soc.support.Rfc5424Parser.Parsed;
import io.sigil.soc.support.RsyslogInstallation;
import io.sigil.soc.support.RsyslogServer;
import io.sigil.soc.support.RsyslogServer.Listener;
import io.sigil.soc.support.TestEvents;
import io.sigil.soc.support.TestPki;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The senders against the real Debian rsyslogd, over plain TCP and TLS. */
class RsyslogIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(15);

    private static TestPki pki;
    private static TestPki otherCa;
    private static RsyslogServer rsyslog;

    private final SyslogComposer composer = new SyslogComposer("sigil-it", new CefFormatter());

    @BeforeAll
    static void startRsyslog() throws Exception {
        RsyslogInstallation.Installed installed = RsyslogInstallation.ensure();
        Path work = Path.of(System.getProperty("sigil.rsyslog.work", "target/rsyslog"))
                .resolve("run-" + System.currentTimeMillis());
        pki = TestPki.create(work.resolve("pki"), "ip:127.0.0.1");
        otherCa = TestPki.create(work.resolve("other-ca"), null);
        rsyslog = new RsyslogServer(installed, work.resolve("rsyslogd"), pki);
        rsyslog.start();
        System.out.println("rsyslog from " + installed.root() + ": " + installed.versions());
    }

    @BeforeEach
    void receiverUp() throws Exception {
        rsyslog.ensureRunning();
    }

    @AfterAll
    static void stopRsyslog() throws InterruptedException {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    private SyslogTarget target(Listener listener, Confirmation mode) throws Exception {
        int port = rsyslog.port(listener);
        SyslogTarget t = listener == Listener.TLS
                ? SyslogTarget.tls("127.0.0.1", port, pki.clientContext())
                : SyslogTarget.tcp("127.0.0.1", port);
        return t.withConfirmation(mode).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    private static String marker(String chain) {
        return "chain=\"" + chain + "\"";
    }

    @ParameterizedTest
    @EnumSource(Confirmation.class)
    void tcpDeliversEveryEventExactlyAsSent(Confirmation mode) throws Exception {
        deliversExactly(Listener.TCP, mode);
    }

    @ParameterizedTest
    @EnumSource(Confirmation.class)
    void tlsDeliversEveryEventExactlyAsSent(Confirmation mode) throws Exception {
        deliversExactly(Listener.TLS, mode);
    }

    private void deliversExactly(Listener listener, Confirmation mode) throws Exception {
        String chain = "it-" + listener + "-" + mode;
        List<SealedEvent> events = TestEvents.batch(chain, 0, 120);
        try (SyslogTcpSender sender = new SyslogTcpSender(target(listener, mode), composer)) {
            for (int from = 0; from < events.size(); from += 40) {
                assertThat(sender.deliver(events.subList(from, from + 40))).isEqualTo(DeliveryResult.delivered(40));
            }
        }

        List<String> received = rsyslog.awaitReceived(listener, marker(chain), events.size(), ARRIVAL);

        List<String> sent =
                events.stream().map(e -> composer.compose(e).render()).collect(Collectors.toList());
        assertThat(received).as(rsyslog.lastOutput()).containsExactlyElementsOf(sent);
        for (int i = 0; i < events.size(); i++) {
            assertFieldsSurvived(events.get(i), received.get(i));
        }
    }

    /** Reads a received message back field by field: PRI, header, structured data, CEF header and extensions. */
    private static void assertFieldsSurvived(SealedEvent sent, String raw) {
        EventView view = EventView.of(sent);
        JsonNode json = readJson(sent.eventJson());
        Parsed parsed = Rfc5424Parser.parse(raw);
        assertThat(parsed.facility()).isEqualTo(SyslogComposer.LOG_AUDIT);
        assertThat(parsed.severity()).isEqualTo(Severity.of(view).syslog());
        assertThat(parsed.appName()).isEqualTo("sigil-audit");
        assertThat(parsed.hostname()).isEqualTo("sigil-it");
        assertThat(parsed.msgId()).isEqualTo("API_ACTIVITY");
        assertThat(parsed.bom()).isTrue();
        Map<String, String> chainFields = new LinkedHashMap<>();
        chainFields.put("chain", sent.chain());
        chainFields.put("seq", Long.toString(sent.seq()));
        chainFields.put("epoch", Long.toString(sent.epoch()));
        chainFields.put("mac", sent.mac());
        chainFields.put("prev_mac", sent.prevMac());
        assertThat(parsed.structuredData().get(SyslogComposer.SD_ID)).containsExactlyEntriesOf(chainFields);
        CefRecord cef = CefParser.parse(parsed.msg());
        assertThat(cef.vendor()).isEqualTo("SIGIL");
        assertThat(cef.severity()).isEqualTo(Severity.of(view).cef());
        assertThat(cef.extensions().get("suser"))
                .isEqualTo(json.path("unmapped").get("actor").asText());
        assertThat(cef.extensions().get("act"))
                .isEqualTo(json.path("unmapped").get("activity").asText());
        assertThat(cef.labelled("audit_id"))
                .isEqualTo(json.path("unmapped").get("audit_id").asText());
        assertThat(cef.labelled("trust_level"))
                .isEqualTo(json.path("unmapped").get("trust_level").asText());
        assertThat(cef.labelled("chain")).isEqualTo(sent.chain());
        assertThat(cef.labelled("seq")).isEqualTo(Long.toString(sent.seq()));
        assertThat(cef.labelled("mac")).isEqualTo(sent.mac());
        assertThat(cef.labelled("prev_mac")).isEqualTo(sent.prevMac());
        assertThat(readJson(cef.extensions().get("msg")))
                .isEqualTo(json.path("unmapped").get("attributes"));
    }

    @Test
    void tlsRefusesAServerItCannotAuthenticate() throws Exception {
        String chain = "it-untrusted";
        int port = rsyslog.port(Listener.TLS);
        SyslogTarget untrusted = SyslogTarget.tls("127.0.0.1", port, otherCa.clientContext());
        SyslogTarget wrongName = SyslogTarget.tls("localhost", port, pki.clientContext());

        for (SyslogTarget target : List.of(untrusted, wrongName)) {
            try (SyslogTcpSender sender = new SyslogTcpSender(target, composer)) {
                DeliveryResult result = sender.deliver(TestEvents.batch(chain, 0, 5));

                assertThat(result.isDelivered()).as(target.toString()).isFalse();
                assertThat(result.isRetryable()).isTrue();
                assertThat(result.reason()).startsWith("connect to tls://").containsAnyOf("PKIX", "localhost");
            }
        }
        // A trusted sender afterwards proves the listener was up: only the refused events are missing.
        try (SyslogTcpSender sender = new SyslogTcpSender(target(Listener.TLS, Confirmation.PEER_CLOSE), composer)) {
            assertThat(sender.deliver(TestEvents.batch(chain + "-ok", 0, 1)).isDelivered())
                    .isTrue();
        }
        assertThat(rsyslog.awaitReceived(Listener.TLS, marker(chain + "-ok"), 1, ARRIVAL))
                .hasSize(1);
        assertThat(rsyslog.received(Listener.TLS)).noneMatch(m -> m.contains(marker(chain)));
    }

    @Test
    void stoppedReceiverIsAFailureAndTheBatchArrivesAfterRestart() throws Exception {
        String chain = "it-restart";
        List<SealedEvent> before = TestEvents.batch(chain, 0, 20);
        List<SealedEvent> during = TestEvents.batch(chain, 20, 20);
        try (SyslogTcpSender sender = new SyslogTcpSender(target(Listener.TCP, Confirmation.FLUSH), composer)) {
            assertThat(sender.deliver(before).isDelivered()).isTrue();
            assertThat(rsyslog.awaitReceived(Listener.TCP, marker(chain), 20, ARRIVAL))
                    .hasSize(20);

            rsyslog.stop();
            DeliveryResult whileDown = sender.deliver(during);
            assertThat(whileDown.isDelivered()).isFalse();
            assertThat(whileDown.isRetryable()).isTrue();

            Thread restarter = new Thread(() -> restartAfter(Duration.ofMillis(800)));
            restarter.start();
            RetryingExporter retrying = new RetryingExporter(
                    sender,
                    new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)),
                    new RetryPolicy(100, Duration.ofSeconds(20)));
            assertThat(retrying.deliver(during)).isEqualTo(DeliveryResult.delivered(20));
            restarter.join();
        }

        Map<Long, Long> counts = countsBySeq(rsyslog.awaitReceived(Listener.TCP, marker(chain), 40, ARRIVAL));
        assertThat(counts).hasSize(40);
        before.forEach(e -> assertThat(counts.get(e.seq())).as("seq " + e.seq()).isEqualTo(1L));
        during.forEach(e -> assertThat(counts.get(e.seq())).as("seq " + e.seq()).isGreaterThanOrEqualTo(1L));
    }

    @Test
    void stopMidStreamLosesNothingReportedDelivered() throws Exception {
        String chain = "it-midstream";
        int batches = 40;
        int size = 10;
        List<SealedEvent> all = TestEvents.batch(chain, 0, batches * size);
        List<DeliveryResult> results = new CopyOnWriteArrayList<>();
        AtomicInteger done = new AtomicInteger();
        try (SyslogTcpSender sender = new SyslogTcpSender(target(Listener.TLS, Confirmation.PEER_CLOSE), composer)) {
            RecordingExporter recording = new RecordingExporter(sender);
            RetryingExporter retrying = new RetryingExporter(
                    recording,
                    new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)),
                    new RetryPolicy(200, Duration.ofSeconds(30)));
            Thread stream = new Thread(() -> {
                for (int b = 0; b < batches; b++) {
                    results.add(retrying.deliver(all.subList(b * size, (b + 1) * size)));
                    done.incrementAndGet();
                    // A steady stream, not a burst that could end before the stop lands.
                    pause(Duration.ofMillis(15));
                }
            });
            stream.start();
            try {
                long patience = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (done.get() < 8 && stream.isAlive() && System.nanoTime() < patience) {
                    Thread.sleep(5);
                }
                assertThat(done.get()).as("batches delivered before the stop").isGreaterThanOrEqualTo(8);
                rsyslog.stop();
                Thread.sleep(500);
                rsyslog.start();
                stream.join(60_000);
            } finally {
                stream.interrupt();
            }

            assertThat(results).hasSize(batches).allMatch(DeliveryResult::isDelivered);
            assertThat(recording.attempts()).anyMatch(a -> !a.result().isDelivered());
            Map<Long, Long> counts =
                    countsBySeq(rsyslog.awaitReceived(Listener.TLS, marker(chain), all.size(), ARRIVAL));
            for (SealedEvent e : all) {
                long firstSeqOfBatch = e.seq() - e.seq() % size;
                long copies = counts.getOrDefault(e.seq(), 0L);
                // At least once; a second copy only where an attempt for that batch failed.
                assertThat(copies).as("seq " + e.seq()).isBetween(1L, 1L + recording.failedAttempts(firstSeqOfBatch));
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void restartAfter(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            rsyslog.start();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("restart failed: " + e.getMessage(), e);
        }
    }

    private static Map<Long, Long> countsBySeq(List<String> raws) {
        return raws.stream()
                .map(r -> Long.parseLong(Rfc5424Parser.parse(r)
                        .structuredData()
                        .get(SyslogComposer.SD_ID)
                        .get("seq")))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static JsonNode readJson(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
