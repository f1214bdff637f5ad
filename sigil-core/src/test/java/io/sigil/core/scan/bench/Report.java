package io.sigil.core.scan.bench;

import java.util.Map;

/** Prints one side of the side-by-side run in the shape the secretlint script prints too. */
final class Report {

    private Report() {}

    static void print(String tool, int files, long bytes, int rounds, double seconds, Map<String, int[]> byKind) {
        int found = byKind.values().stream().mapToInt(c -> c[0]).sum();
        int total = byKind.values().stream().mapToInt(c -> c[1]).sum();
        System.out.printf(
                "%s: %d files, %.2f MiB x %d rounds in %.3f s = %.1f MB/s (one thread); recall %d/%d%n",
                tool, files, bytes / 1048576.0, rounds, seconds, bytes * (double) rounds / 1e6 / seconds, found, total);
        byKind.forEach((kind, c) -> System.out.printf("  %-22s %3d/%3d%n", kind, c[0], c[1]));
    }
}
