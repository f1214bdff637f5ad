package io.sigil.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigil.devstack.DevStackClient;
import io.sigil.devstack.StackProfile;
import io.sigil.devstack.StackState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real faults in the middle of a stream of audit events: the audit-service process killed with SIGKILL and
 * restarted, the broker restarted, PostgreSQL restarted. Afterwards every acknowledged event is sealed
 * exactly once and every chain verifies.
 */
class AuditFaultIT {

    private static final Duration SETTLE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private PrivateAuditStore store;
    private StandaloneKafka kafka;
    private Stream stream;

    @AfterEach
    void stop() throws Exception {
        if (stream != null) {
            stream.stop();
        }
        if (store != null) {
            store.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aKilledAuditServiceResumesWithNoGapAndNoDuplicate() throws Exception {
        StackState stack = DevStackClient.ensureRunning(StackProfile.TEST);
        store = new PrivateAuditStore(dir, stack, stack.kafkaBootstrap(), 3);
        store.startService();
        stream = new Stream(store);

        stream.start();
        await().atMost(SETTLE).until(() -> store.sealed() > 1_500);
        store.killService();
        long atKill = store.sealed();
        Thread.sleep(1_000);
        store.startService();
        await().atMost(SETTLE).until(() -> store.sealed() > atKill + 1_500);
        stream.stop();

        assertEverythingSealedOnceAndVerified(atKill);
    }

    @Test
    void aBrokerRestartUnderLoadLosesAndDuplicatesNothing() throws Exception {
        StackState stack = DevStackClient.ensureRunning(StackProfile.TEST);
        kafka = new StandaloneKafka(dir.resolve("kafka"));
        kafka.format();
        kafka.start();
        store = new PrivateAuditStore(dir, stack, kafka.bootstrap(), 3);
        store.startService();
        stream = new Stream(store);

        stream.start();
        await().atMost(SETTLE).until(() -> store.sealed() > 1_500);
        kafka.stop();
        Thread.sleep(3_000);
        kafka.start();
        long atRestart = store.sealed();
        await().atMost(SETTLE).until(() -> store.sealed() > atRestart + 1_500);
        stream.stop();

        assertEverythingSealedOnceAndVerified(atRestart);
    }

    @Test
    void aPostgresRestartUnderLoadLosesAndDuplicatesNothing() throws Exception {
        StackState stack = DevStackClient.ensureRunning(StackProfile.TEST);
        store = new PrivateAuditStore(dir, stack, stack.kafkaBootstrap(), 3);
        store.startService();
        stream = new Stream(store);

        stream.start();
        await().atMost(SETTLE).until(() -> store.sealed() > 1_500);
        long atStop = store.sealed();
        store.stopPostgres();
        Thread.sleep(3_000);
        store.startPostgresAgain();
        await().atMost(SETTLE).until(() -> store.sealed() > atStop + 1_500);
        stream.stop();

        assertEverythingSealedOnceAndVerified(atStop);
    }

    private void assertEverythingSealedOnceAndVerified(long atFault) throws Exception {
        Set<String> acked = stream.acked();
        assertThat(acked.size()).as("events acknowledged by the broker").isGreaterThan((int) atFault);
        await().atMost(SETTLE).until(() -> store.sealed() >= acked.size());
        // And it stays there: exactly the acknowledged events, each once, nothing more arriving later.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> store.sealed() == acked.size());
        assertThat(store.count("select count(distinct audit_id) from audit_record"))
                .isEqualTo(acked.size());
        assertThat(store.storedAuditIds()).isEqualTo(acked);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode report = store.get("/api/audit/ledger/verify");
            assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
            long checked = 0;
            for (JsonNode chain : report.path("chains")) {
                checked += chain.path("records_checked").asLong();
            }
            assertThat(checked).isEqualTo(acked.size());
        });
    }

    /** A steady stream of events (about 1,000 per second) on its own thread; remembers what the broker acked. */
    private static final class Stream {

        private final PrivateAuditStore store;
        private final Set<String> acked = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean();
        private Thread thread;

        private Stream(PrivateAuditStore store) {
            this.store = store;
        }

        void start() {
            running.set(true);
            thread = new Thread(
                    () -> {
                        int n = 0;
                        while (running.get()) {
                            for (int i = 0; i < 50 && running.get(); i++, n++) {
                                String auditId = UUID.randomUUID().toString();
                                store.producer()
                                        .send(
                                                new ProducerRecord<>(
                                                        store.topic(),
                                                        "gateway-" + n % 5,
                                                        PrivateAuditStore.event(auditId, "client:fault-test", n)),
                                                (metadata, failure) -> {
                                                    if (failure == null) {
                                                        acked.add(auditId);
                                                    }
                                                });
                            }
                            try {
                                Thread.sleep(50);
                            } catch (InterruptedException stopping) {
                                return;
                            }
                        }
                    },
                    "audit-stream");
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            if (thread != null) {
                thread.join();
            }
            store.producer().flush();
        }

        Set<String> acked() {
            return Set.copyOf(acked);
        }
    }
}
