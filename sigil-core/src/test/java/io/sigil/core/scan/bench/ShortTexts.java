package io.sigil.core.scan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.scan.ScanEngine;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * What a short text costs the engine, as the gateway scans one per string value and one per distinct member name:
 * bytes allocated per scan, and CPU time for a list of 1,000 records (8 names each) and for a map of 10,000
 * distinct names. Prints each of 20 rounds; the JIT settles after about ten. Figures in {@code docs/benchmarks.md}.
 * Run: {@code java -cp <sigil-core test classpath> io.sigil.core.scan.bench.ShortTexts}.
 */
public final class ShortTexts {

    private ShortTexts() {}

    public static void main(String[] args) {
        ScanEngine engine = ScanEngine.builtIn();
        allocation(engine);
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode records = mapper.createArrayNode();
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            records.addObject()
                    .put("id", i)
                    .put("name", "user" + i)
                    .put("email_verified", true)
                    .put("created_at", "2026-11-24T10:00:00Z")
                    .put("department", "sales")
                    .put("manager_id", random.nextInt(100))
                    .put("status", "active")
                    .put("notes", "n/a");
        }
        ObjectNode map = mapper.createObjectNode();
        for (int i = 0; i < 10_000; i++) {
            map.put("order-" + (100_000 + i), i);
        }
        var threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 20; round++) {
            long c0 = threads.getCurrentThreadCpuTime();
            engine.findings(records);
            long c1 = threads.getCurrentThreadCpuTime();
            Set<String> seen = new HashSet<>();
            records.forEach(record -> record.fieldNames().forEachRemaining(name -> {
                if (seen.add(name)) {
                    engine.findings(name);
                }
            }));
            long c2 = threads.getCurrentThreadCpuTime();
            map.fieldNames().forEachRemaining(engine::findings);
            long c3 = threads.getCurrentThreadCpuTime();
            System.out.printf(
                    "round %2d: 1,000 records: values %.2f ms, names %.3f ms; 10,000 distinct names %.2f ms (%.2f µs"
                            + " each)%n",
                    round, (c1 - c0) / 1e6, (c2 - c1) / 1e6, (c3 - c2) / 1e6, (c3 - c2) / 1e3 / 10_000);
        }
    }

    private static void allocation(ScanEngine engine) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        String[] texts = {"id", "order-100123", "user42 lives in Berlin", "x".repeat(1000), "word ".repeat(2000)};
        for (String text : texts) {
            for (int i = 0; i < 5000; i++) {
                engine.findings(text);
            }
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 1000; i++) {
                engine.findings(text);
            }
            long after = threads.getThreadAllocatedBytes(thread);
            System.out.printf("%,6d chars: %,d bytes allocated per scan%n", text.length(), (after - before) / 1000);
        }
    }
}
