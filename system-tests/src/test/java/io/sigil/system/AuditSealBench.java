package io.sigil.system;

import io.sigil.devstack.DevStackClient;
import io.sigil.devstack.StackProfile;
import io.sigil.devstack.StackState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
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
                // CPU is counted over the second half: by then the JIT has compiled the sealer's hot paths.
                while (store.sealed() < events / 2) {
                    Thread.sleep(20);
                }
                CpuTime cpu = CpuTime.of(dir);
                long firstSeen = store.sealed();
                while (store.sealed() < events) {
                    Thread.sleep(100);
                }
                System.out.printf(
                        "backlog: %d events sealed %.1f s after the service was started (start-up included)%n",
                        events, (System.nanoTime() - started) / 1e9);
                cpu.report(events - firstSeen);
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

    /**
     * CPU time of the private audit-service and PostgreSQL while they seal: unlike events per second on cores
     * shared with other work, CPU per event hardly depends on what else runs, so it compares two versions fairly.
     */
    private record CpuTime(Duration service, Duration postgres, Path dir) {

        static CpuTime of(Path dir) {
            return new CpuTime(cpu(serviceProcesses()), cpu(postgresProcesses(dir)), dir);
        }

        void report(long events) {
            CpuTime now = of(dir);
            double serviceMicros = now.service.minus(service).toNanos() / 1e3 / events;
            double postgresMicros = now.postgres.minus(postgres).toNanos() / 1e3 / events;
            System.out.printf(
                    "CPU per sealed event over %d events: audit-service %.1f µs, PostgreSQL %.1f µs, together %.1f µs"
                            + " (= %.0f events/s per fully used core, broker not counted)%n",
                    events,
                    serviceMicros,
                    postgresMicros,
                    serviceMicros + postgresMicros,
                    1e6 / (serviceMicros + postgresMicros));
        }

        private static Stream<ProcessHandle> serviceProcesses() {
            return ProcessHandle.current()
                    .children()
                    .filter(p -> p.info().commandLine().orElse("").contains("audit-service"));
        }

        /** The private server's postmaster (its command names the data directory) and every process under it. */
        private static Stream<ProcessHandle> postgresProcesses(Path dir) {
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(dir.toString()))
                    .filter(p -> p.info().command().orElse("").endsWith("postgres"))
                    .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()));
        }

        private static Duration cpu(Stream<ProcessHandle> processes) {
            return processes
                    .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(Duration.ZERO, Duration::plus);
        }
    }

    /**
     * -Dbench.soc-topic=false measures the sealer without the SOC feed that shares its cores; any other
     * {@code -Dsigil.audit.…} property is handed to the service, to compare settings with the same command.
     */
    private static java.util.Map<String, String> settings() {
        java.util.Map<String, String> settings = new java.util.HashMap<>();
        settings.put("sigil.audit.feeds.soc-topic-enabled", System.getProperty("bench.soc-topic", "true"));
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("sigil.audit."))
                .forEach(name -> settings.put(name, System.getProperty(name)));
        return settings;
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
            try (Statement second = db.createStatement();
                    ResultSet half =
                            second.executeQuery("select count(*), extract(epoch from max(sealed_at) - min(sealed_at))"
                                    + " from audit_record where seq >= (select max(seq) / 2 from audit_record)")) {
                half.next();
                System.out.printf(
                        "second half: %d events in %.2f s = %.0f events/s%n",
                        half.getLong(1), half.getDouble(2), half.getLong(1) / half.getDouble(2));
            }
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
