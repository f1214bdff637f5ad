package io.sigil.core.scan.bench;

import io.sigil.core.scan.ScanEngine;
import io.sigil.core.scan.ScanResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * The scanner's cost in CPU time of the scanning thread rather than wall time, so that a figure taken on
 * shared cores under other builds' load says what one core spends (cache contention still inflates it):
 * MB per CPU-second, CPU ms per scan (mean, p50, p99) and budget work of 1 MiB of the mixed corpus, 10 KiB
 * messages, and each 1 MB adversarial input. Usage: {@code ScanCpuTime [seconds per input]}; run by {@code bench/scanner/run.sh}.
 */
public final class ScanCpuTime {

    private ScanCpuTime() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        ScanEngine engine = ScanEngine.builtIn();
        measure(
                engine,
                "mixed 1 MiB",
                List.of(MixedCorpus.generate(42, 1, 1 << 20).get(0).text()),
                seconds);
        measure(
                engine,
                "mixed 10 KiB messages",
                MixedCorpus.generate(42, 256, 10240).stream()
                        .map(MixedCorpus.Document::text)
                        .toList(),
                seconds);
        AdversarialInputs.all().forEach((name, text) -> measure(engine, name, List.of(text), seconds));
    }

    private static void measure(ScanEngine engine, String label, List<String> texts, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long work = 0;
        boolean truncated = false;
        for (String text : texts) {
            ScanResult result = engine.scanResult(text);
            work += result.work();
            truncated |= result.truncated();
        }
        for (int i = 0; i < Math.max(3, 30 / texts.size() + 1) * texts.size(); i++) {
            engine.scanResult(texts.get(i % texts.size())); // warm-up
        }
        long budget = (long) (seconds * 1e9);
        // CPU time of each scan, for the percentiles of the 10 KiB messages (the clock is read between scans only).
        long[] perScan = new long[1 << 16];
        long cpuStart = threads.getCurrentThreadCpuTime();
        long last = cpuStart;
        long bytes = 0;
        int scans = 0;
        while (last - cpuStart < budget) {
            String text = texts.get(scans % texts.size());
            engine.scanResult(text);
            long now = threads.getCurrentThreadCpuTime();
            if (scans < perScan.length) {
                perScan[scans] = now - last;
            }
            last = now;
            bytes += text.length();
            scans++;
        }
        double cpu = (last - cpuStart) / 1e9;
        long[] sorted = Arrays.copyOf(perScan, Math.min(scans, perScan.length));
        Arrays.sort(sorted);
        System.out.printf(
                "%-24s %8.3f ms CPU per scan, %7.1f MB per CPU-second, p50 %.3f ms, p99 %.3f ms (%d scans),"
                        + " work %d%s%n",
                label,
                cpu * 1000 / scans,
                bytes / cpu / 1e6,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6,
                scans,
                work,
                truncated ? " (truncated)" : "");
    }
}
