package io.sigil.system;

import io.sigil.core.model.AuditEvent;
import io.sigil.devstack.DevStackClient;
import io.sigil.devstack.StackProfile;
import io.sigil.devstack.StackState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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

    /**
     * The producers' time-ordered ids; {@code -Dbench.random-ids=true} gives random (version 4) ones, as the mesh sent
     * before, to compare what they cost the store's index.
     */
    private static String auditId() {
        return Boolean.getBoolean("bench.random-ids") ? UUID.randomUUID().toString() : AuditEvent.newAuditId();
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int events = Integer.parseInt(args[1]);
        if (mode.equals("store")) {
            StoreBench.run(events, args.length > 2 ? Integer.parseInt(args[2]) : 5);
            return;
        }
        StackState stack = DevStackClient.ensureRunning(StackProfile.TEST);
        Path dir = Files.createTempDirectory("audit-seal-bench");
        try (PrivateAuditStore store = new PrivateAuditStore(dir, stack, stack.kafkaBootstrap(), 1)) {
            if (mode.equals("backlog")) {
                emit(store, events, Integer.MAX_VALUE);
                long started = System.nanoTime();
                store.startService(settings());
                try (Progress progress = new Progress(store)) {
                    // CPU is counted over the second half: by then the JIT has compiled the sealer's hot paths.
                    while (progress.sealed() < events / 2) {
                        Thread.sleep(20);
                    }
                    CpuTime cpu = CpuTime.of(dir);
                    long firstSeen = progress.sealed();
                    while (progress.sealed() < events) {
                        Thread.sleep(100);
                    }
                    System.out.printf(
                            "backlog: %d events sealed %.1f s after the service was started (start-up included)%n",
                            events, (System.nanoTime() - started) / 1e9);
                    cpu.report(events - firstSeen);
                }
            } else {
                // -Dbench.warmup-events=W: W events are sealed as a backlog first, so the stream meets a service whose
                // JIT has compiled the sealer, as in a deployment that has been running; only the stream is reported.
                int warmup = Integer.getInteger("bench.warmup-events", 0);
                if (warmup > 0) {
                    emit(store, warmup, Integer.MAX_VALUE);
                }
                store.startService(settings());
                if (warmup > 0) {
                    try (Progress progress = new Progress(store)) {
                        while (progress.sealed() < warmup) {
                            Thread.sleep(100);
                        }
                    }
                    Thread.sleep(2_000);
                }
                // CPU over the whole stream, the feeds' share included while they keep up (they yield to a backlog).
                CpuTime cpu = CpuTime.of(dir);
                Visibility visibility = Visibility.watch(store, warmup + events);
                emit(store, events, Integer.parseInt(args[2]));
                visibility.await();
                cpu.report(events);
                if (warmup > 0) {
                    reportStream(store, warmup);
                    visibility.report(store, warmup);
                    reportSeries(store, warmup);
                    return;
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
     * How many records are sealed, asked while the service seals. By default from the chain heads, on one connection
     * kept open: the server's CPU is measured at the same time, and {@code count(*)} over the growing table (on a new
     * connection each time, as {@code -Dbench.poll=count} still does) made PostgreSQL read and checksum the table
     * several times a second, work that was counted as the sealer's.
     */
    private static final class Progress implements AutoCloseable {

        private final PrivateAuditStore store;
        private final boolean count = System.getProperty("bench.poll", "head").equals("count");
        private Connection connection;

        Progress(PrivateAuditStore store) {
            this.store = store;
        }

        /** Records sealed, -1 while the store is unreachable. */
        long sealed() {
            if (count) {
                return store.sealed();
            }
            try {
                if (connection == null) {
                    connection = store.jdbc();
                }
                try (Statement sql = connection.createStatement();
                        ResultSet row = sql.executeQuery("select coalesce(sum(head_seq + 1), 0) from audit_chain")) {
                    row.next();
                    return row.getLong(1);
                }
            } catch (java.sql.SQLException away) {
                close();
                return -1;
            }
        }

        @Override
        public void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (java.sql.SQLException ignored) {
                    // Already gone.
                }
                connection = null;
            }
        }
    }

    /**
     * When each record became visible in the store, committed: the chain's head read every 10 ms on one connection.
     * {@code sealed_at} is stamped when the sealer takes the record from its poll, before its batch is written; the
     * lag to the committed record is the one a reader of the store sees, so it is the one reported as such.
     */
    private static final class Visibility {

        private final long[] millis = new long[1 << 16];
        private final long[] sealed = new long[1 << 16];
        private final Thread thread;
        private int samples;
        private Exception failure;

        private Visibility(PrivateAuditStore store, long until) {
            thread = new Thread(() -> record(store, until), "bench-visibility");
        }

        static Visibility watch(PrivateAuditStore store, long until) {
            Visibility visibility = new Visibility(store, until);
            visibility.thread.setDaemon(true);
            visibility.thread.start();
            return visibility;
        }

        private void record(PrivateAuditStore store, long until) {
            try (Progress progress = new Progress(store)) {
                long last = -1;
                while (last < until) {
                    long now = System.currentTimeMillis();
                    long count = progress.sealed();
                    if (count > last && samples < millis.length) {
                        millis[samples] = now;
                        sealed[samples++] = count;
                        last = count;
                    }
                    Thread.sleep(10);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException broken) {
                failure = broken;
            }
        }

        void await() throws Exception {
            thread.join();
            if (failure != null) {
                throw failure;
            }
        }

        /** Emission to the first head read that included the record: lag to the committed record, ±10 ms. */
        void report(PrivateAuditStore store, int warmup) throws Exception {
            java.util.List<Double> lags = new java.util.ArrayList<>();
            try (Connection db = store.jdbc();
                    Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("select seq, extract(epoch from event_time) * 1000"
                            + " from audit_record where seq >= " + warmup + " order by seq")) {
                int at = 0;
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    while (at < samples && sealed[at] <= seq) {
                        at++;
                    }
                    if (at == samples) {
                        throw new IllegalStateException("record " + seq + " was never seen committed");
                    }
                    lags.add(millis[at] - rows.getDouble(2));
                }
            }
            java.util.Collections.sort(lags);
            System.out.printf(
                    "emission->committed record (head read every 10 ms, %d reads): p50 %.0f ms, p99 %.0f ms,"
                            + " p99.9 %.0f ms, max %.0f ms%n",
                    samples,
                    lags.get(lags.size() / 2),
                    lags.get((int) (lags.size() * 0.99)),
                    lags.get((int) (lags.size() * 0.999)),
                    lags.get(lags.size() - 1));
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
        long interval = rate == Integer.MAX_VALUE ? 0 : 1_000_000_000L / rate;
        // -Dbench.pregenerate=true: every event is written before the stream starts, so that the bench's own JSON work
        // (the gateway's, in a deployment) does not share the two cores with the audit pipeline it measures; each is
        // written around a placeholder time, and only its due time is filled in when it is sent.
        Stamped[] ready = null;
        if (Boolean.getBoolean("bench.pregenerate")) {
            ready = new Stamped[events];
            for (int i = 0; i < events; i++) {
                ready[i] = Stamped.of(PrivateAuditStore.event(auditId(), "client:bench", i, Stamped.PLACEHOLDER));
            }
        }
        long start = System.nanoTime() + (interval == 0 ? 0 : 1_000_000_000L);
        Instant startWall = Instant.now().plusNanos(start - System.nanoTime());
        // How late each send returned against its due instant, worst per second of the stream: a stall of the bench's
        // own JVM or a producer blocked on a full buffer would show here and not in the service.
        long[] lateness = new long[interval == 0 ? 1 : (int) ((events - 1) * interval / 1_000_000_000L) + 1];
        for (int i = 0; i < events; i++) {
            long due = start + i * interval;
            // Parked, not spinning: a spinning sender took one of the two cores the pipeline it measures runs on.
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            String event = ready != null
                    ? ready[i].at(startWall.plusNanos(i * interval))
                    : PrivateAuditStore.event(auditId(), "client:bench", i);
            producer.send(new ProducerRecord<>(store.topic(), "gateway", event), (meta, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                }
            });
            int second = interval == 0 ? 0 : (int) (i * interval / 1_000_000_000L);
            lateness[second] = Math.max(lateness[second], System.nanoTime() - due);
        }
        producer.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "emitted %d events in %.1f s (%.0f/s, %d failed)%n", events, seconds, events / seconds, failed.get());
        if (interval > 0) {
            StringBuilder late = new StringBuilder("worst send lateness per second (ms):");
            for (long worst : lateness) {
                late.append(' ').append(worst / 1_000_000);
            }
            System.out.println(late);
        }
    }

    /** A pregenerated event cut around its placeholder time: both its forms, epoch milliseconds and ISO 8601. */
    private record Stamped(String head, String middle, String tail) {

        static final Instant PLACEHOLDER = Instant.ofEpochMilli(4_102_444_800_123L);
        private static final String MILLIS = String.valueOf(PLACEHOLDER.toEpochMilli());
        private static final String ISO = PLACEHOLDER.toString();

        static Stamped of(String event) {
            int millis = event.indexOf(MILLIS);
            int iso = event.indexOf(ISO);
            if (millis < 0
                    || iso < millis
                    || event.indexOf(MILLIS, millis + 1) >= 0
                    || event.indexOf(ISO, iso + 1) >= 0) {
                throw new IllegalStateException("the event does not carry its time once in each form");
            }
            return new Stamped(
                    event.substring(0, millis),
                    event.substring(millis + MILLIS.length(), iso),
                    event.substring(iso + ISO.length()));
        }

        String at(Instant time) {
            Instant millis = time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            return head + millis.toEpochMilli() + middle + millis + tail;
        }
    }

    /**
     * Per second of the stream (by emission time): events emitted, the worst lag among them, and how many records were
     * sealed in that second: places a stall in time, and tells a sealer that stopped from one that fell behind.
     */
    private static void reportSeries(PrivateAuditStore store, int warmup) throws Exception {
        String query = "with s as (select event_time, sealed_at from audit_record where seq >= " + warmup + "),"
                + " t0 as (select min(event_time) as t from s),"
                + " emitted as (select floor(extract(epoch from event_time - t0.t))::int as sec, count(*) as n,"
                + "   max(extract(epoch from sealed_at - event_time)) as worst from s, t0 group by 1),"
                + " sealed as (select floor(extract(epoch from sealed_at - t0.t))::int as sec, count(*) as n"
                + "   from s, t0 group by 1)"
                + " select coalesce(e.sec, d.sec), coalesce(e.n, 0), coalesce(e.worst, 0), coalesce(d.n, 0)"
                + " from emitted e full join sealed d on e.sec = d.sec order by 1";
        try (Connection db = store.jdbc();
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            System.out.println("second  emitted  worst lag (ms)  sealed");
            while (rows.next()) {
                System.out.printf(
                        "%6d  %7d  %14.0f  %6d%n",
                        rows.getInt(1), rows.getLong(2), rows.getDouble(3) * 1000, rows.getLong(4));
            }
        }
    }

    /** Lag and rate of the streamed events alone: those sealed after the warm-up's {@code warmup} records. */
    private static void reportStream(PrivateAuditStore store, int warmup) throws Exception {
        try (Connection db = store.jdbc();
                Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("select count(*), extract(epoch from max(sealed_at) - min(sealed_at)),"
                        + " percentile_cont(0.5) within group (order by extract(epoch from sealed_at - event_time)),"
                        + " percentile_cont(0.99) within group (order by extract(epoch from sealed_at - event_time)),"
                        + " percentile_cont(0.999) within group (order by extract(epoch from sealed_at - event_time)),"
                        + " max(extract(epoch from sealed_at - event_time)), count(distinct sealed_at)"
                        + " from audit_record where seq >= " + warmup)) {
            row.next();
            System.out.printf(
                    "stream after a warm-up of %d sealed events: %d events sealed over %.2f s = %.0f events/s;"
                            + " emission->seal p50 %.0f ms, p99 %.0f ms, p99.9 %.0f ms, max %.0f ms;"
                            + " %d polls (distinct seal times), %.0f events each%n",
                    warmup,
                    row.getLong(1),
                    row.getDouble(2),
                    row.getLong(1) / row.getDouble(2),
                    row.getDouble(3) * 1000,
                    row.getDouble(4) * 1000,
                    row.getDouble(5) * 1000,
                    row.getDouble(6) * 1000,
                    row.getLong(7),
                    row.getLong(1) / (double) Math.max(1, row.getLong(7)));
        }
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
            // The first events of a stream meet a service whose JIT has not compiled the sealer yet; the lag of the
            // second half is the sustained one.
            try (Statement second = db.createStatement();
                    ResultSet lag = second.executeQuery("select"
                            + " percentile_cont(0.5) within group (order by extract(epoch from sealed_at - event_time)),"
                            + " percentile_cont(0.99) within group (order by extract(epoch from sealed_at - event_time)),"
                            + " max(extract(epoch from sealed_at - event_time)) from audit_record"
                            + " where seq >= (select max(seq) / 2 from audit_record)")) {
                lag.next();
                System.out.printf(
                        "second half: emission->seal p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                        lag.getDouble(1) * 1000, lag.getDouble(2) * 1000, lag.getDouble(3) * 1000);
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

    /**
     * {@code store N rounds}: PostgreSQL alone, no service and no broker. One private server, two databases: one with
     * the audit migrations up to V3, one with all of them; rounds alternate between the two, each storing N records
     * the way the sealer does (2,000 per transaction: the records by COPY, the chain's head updated,
     * synchronous_commit on), and print the server's CPU per record (all its processes, WAL writer and checkpointer
     * included). Records are COPY'd as text: the parse costs both schemas the same, the difference is the schema's.
     */
    private static final class StoreBench {

        private static final int BATCH = 2_000;

        private static final String COLUMNS = "chain, seq, kafka_offset, epoch, sealed_at, event, event_sha256,"
                + " prev_mac, mac, well_formed, audit_id, event_time, class_uid, activity, source, actor, outcome, tool";

        static void run(int records, int rounds) throws Exception {
            Path dir = Files.createTempDirectory("audit-store-bench");
            Path migrations = Path.of(System.getProperty("sigil.mesh.root", ".."))
                    .resolve("audit-service/src/main/resources/db/migration")
                    .toAbsolutePath()
                    .normalize();
            java.util.List<Path> scripts;
            try (Stream<Path> files = Files.list(migrations)) {
                scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                        .sorted(java.util.Comparator.comparingInt(
                                f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                        .toList();
            }
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            io.sigil.devstack.PostgresNode postgres = new io.sigil.devstack.PostgresNode(port, dir.resolve("pg"));
            postgres.start(true);
            try {
                String base = "jdbc:postgresql://127.0.0.1:" + port + "/";
                try (Connection admin = java.sql.DriverManager.getConnection(base + "postgres", "postgres", "");
                        Statement sql = admin.createStatement()) {
                    sql.execute("create database before_v4");
                    sql.execute("create database with_v4");
                }
                migrate(
                        base + "before_v4",
                        scripts.stream()
                                .filter(f -> !f.getFileName().toString().startsWith("V4__"))
                                .toList());
                migrate(base + "with_v4", scripts);
                System.out.printf(
                        "migrations: %s%n",
                        scripts.stream().map(Path::getFileName).toList());
                long[] seq = new long[2];
                for (int round = 0; round < rounds; round++) {
                    for (int which = 0; which < 2; which++) {
                        String db = which == 0 ? "before_v4" : "with_v4";
                        double micros;
                        double backendMicros;
                        long started;
                        try (Connection connection = java.sql.DriverManager.getConnection(base + db, "postgres", "")) {
                            // Measured while the backend lives: an exited process's CPU is no longer counted.
                            ProcessHandle backend = backend(connection);
                            Duration before = cpu(dir);
                            Duration backendBefore = cpu(backend);
                            started = System.nanoTime();
                            seq[which] = store(connection, seq[which], records);
                            micros = cpu(dir).minus(before).toNanos() / 1e3 / records;
                            backendMicros = cpu(backend).minus(backendBefore).toNanos() / 1e3 / records;
                        }
                        System.out.printf(
                                "round %d %-9s: %d records in %.2f s, PostgreSQL CPU per record %.1f µs (its backend"
                                        + " %.1f µs) (load %s)%n",
                                round,
                                db,
                                records,
                                (System.nanoTime() - started) / 1e9,
                                micros,
                                backendMicros,
                                Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
                    }
                }
            } finally {
                postgres.close();
            }
        }

        private static void migrate(String url, java.util.List<Path> scripts) throws Exception {
            try (Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "");
                    Statement sql = connection.createStatement()) {
                for (Path script : scripts) {
                    sql.execute(Files.readString(script));
                }
            }
        }

        private static long store(Connection connection, long next, int records) throws Exception {
            try (Statement sql = connection.createStatement()) {
                sql.execute("set synchronous_commit = on");
                sql.execute("insert into audit_chain (chain, kafka_partition, next_offset, head_seq, head_mac)"
                        + " values ('audit-0', 0, 0, -1, '\\x00') on conflict do nothing");
            }
            connection.setAutoCommit(false);
            org.postgresql.copy.CopyManager copy =
                    connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            java.util.Random random = new java.util.Random(next);
            java.time.Instant time =
                    java.time.Instant.parse("2026-11-23T08:00:00Z").plusMillis(next);
            for (int done = 0; done < records; done += BATCH) {
                StringBuilder rows = new StringBuilder(BATCH * 1_200);
                for (int i = 0; i < BATCH; i++, next++) {
                    String auditId = auditId();
                    String actor = "client:agent-" + random.nextInt(50);
                    String tool =
                            new String[] {"search_docs", "read_file", "create_ticket", "run_query"}[random.nextInt(4)];
                    String at = time.plusMillis(next).toString();
                    String event =
                            PrivateAuditStore.event(auditId, actor, (int) next).replace("\\", "\\\\");
                    rows.append("audit-0\t")
                            .append(next)
                            .append('\t')
                            .append(next)
                            .append("\t0\t")
                            .append(at)
                            .append('\t')
                            .append(event)
                            .append('\t')
                            .append(hex(random))
                            .append('\t')
                            .append(hex(random))
                            .append('\t')
                            .append(hex(random))
                            .append("\tt\t")
                            .append(auditId)
                            .append('\t')
                            .append(at)
                            .append("\t6003\t")
                            .append("tools/call\tgateway\t")
                            .append(actor)
                            .append("\tallowed\t")
                            .append(tool)
                            .append('\n');
                }
                copy.copyIn(
                        "copy audit_record (" + COLUMNS + ") from stdin", new java.io.StringReader(rows.toString()));
                try (java.sql.PreparedStatement head = connection.prepareStatement(
                        "update audit_chain set next_offset = ?, head_seq = ?, updated_at = now() where chain = ?")) {
                    head.setLong(1, next);
                    head.setLong(2, next - 1);
                    head.setString(3, "audit-0");
                    head.executeUpdate();
                }
                connection.commit();
            }
            return next;
        }

        private static String hex(java.util.Random random) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return "\\\\x" + java.util.HexFormat.of().formatHex(bytes);
        }

        private static ProcessHandle backend(Connection connection) throws Exception {
            try (Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("select pg_backend_pid()")) {
                rows.next();
                return ProcessHandle.of(rows.getLong(1)).orElseThrow();
            }
        }

        private static Duration cpu(ProcessHandle process) {
            return process.info().totalCpuDuration().orElse(Duration.ZERO);
        }

        private static Duration cpu(Path dir) {
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(dir.toString()))
                    .filter(p -> p.info().command().orElse("").endsWith("postgres"))
                    .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                    .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(Duration.ZERO, Duration::plus);
        }
    }
}
