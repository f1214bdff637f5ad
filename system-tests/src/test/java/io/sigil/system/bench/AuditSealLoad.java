package io.sigil.system.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sealing benchmark against a running mesh: emits audit events at a fixed rate into one partition of the
 * audit topic (as the gateway does: acks=all, idempotent), then reads from audit-service's database how fast
 * they were sealed and how long each waited from its emission ({@code time}) to its seal ({@code sealed_at}).
 * Stops by itself. Usage: AuditSealLoad bootstrap jdbcUrl user password events ratePerSecond
 */
public final class AuditSealLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditSealLoad() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String jdbcUrl = args[1];
        int events = Integer.parseInt(args[4]);
        int rate = Integer.parseInt(args[5]);
        String run = "bench-" + UUID.randomUUID();

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        AtomicLong failed = new AtomicLong();
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            long intervalNanos = 1_000_000_000L / rate;
            for (int i = 0; i < events; i++) {
                long due = started + i * intervalNanos;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                // One key: one partition, one chain; the target is per partition.
                producer.send(new ProducerRecord<>("sigil.audit.events", "bench", event(run, i)), (meta, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        double emitSeconds = (System.nanoTime() - started) / 1e9;

        try (Connection db = DriverManager.getConnection(jdbcUrl, args[2], args[3])) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            long sealed;
            while ((sealed = count(db, run)) < events - failed.get()
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            try (PreparedStatement stats = db.prepareStatement("select count(*),"
                    + " extract(epoch from max(sealed_at) - min(sealed_at)),"
                    + " percentile_cont(0.5) within group (order by extract(epoch from sealed_at - event_time)),"
                    + " percentile_cont(0.99) within group (order by extract(epoch from sealed_at - event_time)),"
                    + " max(extract(epoch from sealed_at - event_time)), count(distinct chain)"
                    + " from audit_record where actor = ?")) {
                stats.setString(1, run);
                try (ResultSet row = stats.executeQuery()) {
                    row.next();
                    long n = row.getLong(1);
                    double span = row.getDouble(2);
                    System.out.printf(
                            "emitted %d events in %.1f s (%.0f/s offered, %d failed); sealed %d on %d chain(s)%n",
                            events, emitSeconds, events / emitSeconds, failed.get(), n, row.getInt(6));
                    System.out.printf(
                            "sealed/s over the run: %.0f; lag emit->sealed p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                            span > 0 ? n / span : n,
                            row.getDouble(3) * 1000,
                            row.getDouble(4) * 1000,
                            row.getDouble(5) * 1000);
                }
            }
        }
    }

    private static long count(Connection db, String run) throws Exception {
        try (PreparedStatement count = db.prepareStatement("select count(*) from audit_record where actor = ?")) {
            count.setString(1, run);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String event(String run, int n) {
        ObjectNode event = JSON.createObjectNode();
        event.put("audit_id", UUID.randomUUID().toString());
        event.put("time", Instant.now().toString());
        event.put("class_uid", 6003);
        event.put("activity", "tools/call");
        event.put("source", "gateway");
        event.put("actor", run);
        event.put("trust_level", "Medium");
        event.put("outcome", n % 5 == 0 ? "denied" : "success");
        ObjectNode attributes = event.putObject("attributes");
        attributes.put("method", "tools/call");
        attributes.put("tool", "read_email");
        attributes.put("upstream", "demo");
        attributes.put("client_id", "demo-agent-medium");
        attributes.put("interceptions", n % 3);
        attributes.put(
                "arguments_digest",
                "hmac-sha256:" + UUID.randomUUID().toString().replace("-", ""));
        return event.toString();
    }
}
