package io.sigil.soc.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.soc.DeliveryResult;
import io.sigil.soc.SealedEvent;
import io.sigil.soc.cef.CefFormatter;
import io.sigil.soc.support.FrameReceiver;
import io.sigil.soc.support.TestEvents;
import io.sigil.soc.support.TestPki;
import io.sigil.soc.tls.TrustMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The syslog sender against JDK TCP and TLS receivers that misbehave on request. */
class SyslogTcpSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    static Path pkiDir;

    private static TestPki pki;
    private static TestPki otherCa;

    private final SyslogComposer composer = new SyslogComposer("gw-host", new CefFormatter());

    @BeforeAll
    static void makeCertificates() throws IOException {
        // Only an IP SAN: connecting by the name "localhost" must then fail hostname verification.
        pki = TestPki.create(pkiDir.resolve("main"), "ip:127.0.0.1");
        otherCa = TestPki.create(pkiDir.resolve("other"), null);
    }

    private List<String> expected(List<SealedEvent> batch) {
        List<String> out = new ArrayList<>();
        batch.forEach(e -> out.add(composer.compose(e).render()));
        return out;
    }

    @Test
    void plainTcpDeliversEveryFrameExactlyAndOneConnectionPerBatch() throws Exception {
        try (FrameReceiver receiver = FrameReceiver.plain();
                SyslogTcpSender sender =
                        new SyslogTcpSender(SyslogTarget.tcp("127.0.0.1", receiver.port()), composer)) {
            List<SealedEvent> first = TestEvents.batch("c", 0, 30);
            List<SealedEvent> second = TestEvents.batch("c", 30, 30);

            assertThat(sender.deliver(first)).isEqualTo(DeliveryResult.delivered(30));
            assertThat(sender.deliver(second)).isEqualTo(DeliveryResult.delivered(30));

            List<String> all = new ArrayList<>(expected(first));
            all.addAll(expected(second));
            // PEER_CLOSE: the receiver had read every frame before delivered was returned, so no waiting here.
            assertThat(receiver.messages()).containsExactlyElementsOf(all);
            assertThat(receiver.connectionsAccepted()).isEqualTo(2);
        }
    }

    @Test
    void tlsDeliversToATrustedReceiverWithAMatchingName() throws Exception {
        try (FrameReceiver receiver = FrameReceiver.tls(pki.serverContext());
                SyslogTcpSender sender = new SyslogTcpSender(
                        SyslogTarget.tls("127.0.0.1", receiver.port(), pki.clientContext()), composer)) {
            List<SealedEvent> batch = TestEvents.batch("c", 0, 20);

            assertThat(sender.deliver(batch)).isEqualTo(DeliveryResult.delivered(20));

            assertThat(receiver.messages()).containsExactlyElementsOf(expected(batch));
        }
    }

    @Test
    void aPkcs12TrustStoreTrustsLikeThePemItWasMadeFrom() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pki.caPem())) {
            store.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        char[] password = "test-only".toCharArray();
        Path file = pkiDir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }

        try (FrameReceiver receiver = FrameReceiver.tls(pki.serverContext());
                SyslogTcpSender sender = new SyslogTcpSender(
                        SyslogTarget.tls("127.0.0.1", receiver.port(), TrustMaterial.fromTrustStore(file, password)),
                        composer)) {
            assertThat(sender.deliver(TestEvents.batch("c", 0, 2)).isDelivered())
                    .isTrue();
            assertThat(receiver.messages()).hasSize(2);
        }
    }

    @Test
    void tlsRefusesAServerCertificateFromAnUntrustedCa() throws Exception {
        assertRefused("127.0.0.1", otherCa.clientContext(), "PKIX");
    }

    @Test
    void tlsRefusesACertificateForAnotherName() throws Exception {
        assertRefused("localhost", pki.clientContext(), "localhost");
    }

    private void assertRefused(String host, SSLContext trust, String reasonPart) throws Exception {
        try (FrameReceiver receiver = FrameReceiver.tls(pki.serverContext());
                SyslogTcpSender sender =
                        new SyslogTcpSender(SyslogTarget.tls(host, receiver.port(), trust), composer)) {
            DeliveryResult result = sender.deliver(TestEvents.batch("c", 0, 5));

            assertThat(result.isDelivered()).isFalse();
            assertThat(result.isRetryable()).isTrue();
            assertThat(result.reason()).startsWith("connect to tls://").contains(reasonPart);
            Thread.sleep(100);
            assertThat(receiver.messages()).isEmpty();
        }
    }

    @Test
    void aClosedPortIsARetryableFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (SyslogTcpSender sender = new SyslogTcpSender(SyslogTarget.tcp("127.0.0.1", port), composer)) {
            DeliveryResult result = sender.deliver(TestEvents.batch("c", 0, 1));

            assertThat(result.isRetryable()).isTrue();
            assertThat(result.reason()).contains("Connection refused");
        }
    }

    @Test
    void flushModeKeepsOneConnectionAndReconnectsWhenTheReceiverDropsIt() throws Exception {
        for (boolean tls : new boolean[] {false, true}) {
            try (FrameReceiver receiver = tls ? FrameReceiver.tls(pki.serverContext()) : FrameReceiver.plain();
                    SyslogTcpSender sender = new SyslogTcpSender(target(tls, receiver.port()), composer)) {
                List<SealedEvent> sent = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    List<SealedEvent> batch = TestEvents.batch("c", i * 10L, 10);
                    assertThat(sender.deliver(batch).isDelivered()).isTrue();
                    sent.addAll(batch);
                }
                assertThat(receiver.awaitMessages(30, WAIT)).containsExactlyElementsOf(expected(sent));
                assertThat(receiver.connectionsAccepted()).isEqualTo(1);

                receiver.dropSessions();
                Thread.sleep(50);
                List<SealedEvent> afterDrop = TestEvents.batch("c", 30, 10);
                assertThat(sender.deliver(afterDrop).isDelivered()).isTrue();
                sent.addAll(afterDrop);

                // The stale stream was noticed before writing: nothing went into the void.
                assertThat(receiver.awaitMessages(40, WAIT)).as("tls=" + tls).containsExactlyElementsOf(expected(sent));
                assertThat(receiver.connectionsAccepted()).isEqualTo(2);
            }
        }
    }

    private SyslogTarget target(boolean tls, int port) throws Exception {
        SyslogTarget t =
                tls ? SyslogTarget.tls("127.0.0.1", port, pki.clientContext()) : SyslogTarget.tcp("127.0.0.1", port);
        return t.withConfirmation(Confirmation.FLUSH);
    }

    @Test
    void aReceiverThatNeverClosesIsNotConfirmation() throws Exception {
        try (FrameReceiver receiver = FrameReceiver.plain();
                SyslogTcpSender sender = new SyslogTcpSender(
                        SyslogTarget.tcp("127.0.0.1", receiver.port())
                                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)),
                        composer)) {
            receiver.mode(FrameReceiver.Mode.NEVER_CLOSE);

            DeliveryResult result = sender.deliver(TestEvents.batch("c", 0, 3));

            assertThat(result.isRetryable()).isTrue();
            assertThat(result.reason()).startsWith("confirm").contains("Read timed out");
        }
    }

    @Test
    void aReceiverThatStopsReadingCannotBlockTheSenderForever() throws Exception {
        try (FrameReceiver receiver = FrameReceiver.plain();
                SyslogTcpSender sender = new SyslogTcpSender(
                        SyslogTarget.tcp("127.0.0.1", receiver.port())
                                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500)),
                        composer)) {
            receiver.mode(FrameReceiver.Mode.NEVER_READ);
            String bulky = "{\"audit_id\":\"x\",\"attributes\":{\"blob\":\"" + "z".repeat(16_000) + "\"}}";
            List<SealedEvent> batch = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                batch.add(TestEvents.sealed("c", i, bulky));
            }

            long start = System.nanoTime();
            DeliveryResult result = sender.deliver(batch);

            assertThat(result.isRetryable()).isTrue();
            assertThat(result.reason()).startsWith("send").contains("write not completed");
            // Bounded by the 0.5 s write timeout, not by the receiver. The bound leaves room for composing 32 MB of
            // frames on two loaded cores (5.4 s once, in a full build beside benchmarks); a blocked sender never
            // returns.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void emptyBatchNeedsNoConnection() throws Exception {
        try (FrameReceiver receiver = FrameReceiver.plain();
                SyslogTcpSender sender =
                        new SyslogTcpSender(SyslogTarget.tcp("127.0.0.1", receiver.port()), composer)) {
            assertThat(sender.deliver(List.of())).isEqualTo(DeliveryResult.delivered(0));
            assertThat(receiver.connectionsAccepted()).isZero();
        }
    }
}
