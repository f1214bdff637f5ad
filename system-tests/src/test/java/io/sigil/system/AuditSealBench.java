package io.sigil.system;

import io.sigil.devstack.DevStackClient;
import io.sigil.devstack.StackProfile;
import io.sigil.devstack.StackState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sealing benchmark on the test stack with a private audit-service, database and one-partition topic (one
 * chain: the target is per partition). {@code backlog N}: N events wait in the topic, then the service starts
 * and seals them — sealing capacity. {@code stream N rate}: the service runs while events arrive at a fixed
 * rate — lag from emission ({@code time}) to seal ({@code sealed_at}). Stops by itself.
 */
public final class AuditSealBench {

    private AuditSealBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int events = Integer.parseInt(args[1]);
        StackState stack = DevStackClient.ensureRunning(StackProfile.TEST);
        Path dir = Files.createTempDirectory("audit-seal-bench");
        try (PrivateAuditStore store = new PrivateAuditStore(dir, stack, stack.kafkaBootstrap(), 1)) {
            if (mode.equals("backlog")) {
                emit(store, events, Integer.MAX_VALUE);
                long started = System.nanoTime();
                store.startService(settings());
                while (store.sealed() < events) {
                    Thread.sleep(100);
                }
                System.out.printf(
                        "backlog: %d events sealed %.1f s after the service was started (start-up included)%n",
                        events, (System.nanoTime() - started) / 1e9);
            } else {
                store.startService(settings());
                emit(store, events, Integer.parseInt(args[2]));
                while (store.sealed() < events) {
                    Thread.sleep(100);
                }
            }
            report(store);
        }
    }

    /** -Dbench.soc-topic=false measures the sealer without the SOC feed that shares its cores. */
    private static java.util.Map<String, String> settings() {
        return java.util.Map.of("sigil.audit.feeds.soc-topic-enabled", System.getProperty("bench.soc-topic", "true"));
    }

    private static void emit(PrivateAuditStore store, int events, int rate) throws Exception {
        KafkaProducer<String, String> producer = store.producer();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long interval = rate == Integer.MAX_VALUE ? 0 : 1_000_000_000L / rate;
        for (int i = 0; i < events; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            String id = UUID.randomUUID().toString();
            producer.send(
                    new ProducerRecord<>(store.topic(), "gateway", PrivateAuditStore.event(id, "client:bench", i)),
                    (meta, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                        }
                    });
        }
        producer.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "emitted %d events in %.1f s (%.0f/s, %d failed)%n", events, seconds, events / seconds, failed.get());
    }

    private static void report(PrivateAuditStore store) throws Exception {
        try (Connection db = store.jdbc();
                Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("select count(*), extract(epoch from max(sealed_at) - min(sealed_at)),"
                        + " percentile_cont(0.5) within group (order by extract(epoch from sealed_at - event_time)),"
                        + " percentile_cont(0.99) within group (order by extract(epoch from sealed_at - event_time)),"
                        + " max(extract(epoch from sealed_at - event_time)) from audit_record")) {
            row.next();
            long n = row.getLong(1);
            double span = row.getDouble(2);
            System.out.printf(
                    "sealed %d on one chain; first to last seal %.2f s = %.0f events/s;"
                            + " emission->seal p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    n,
                    span,
                    span > 0 ? n / span : n,
                    row.getDouble(3) * 1000,
                    row.getDouble(4) * 1000,
                    row.getDouble(5) * 1000);
        }
    }
}
