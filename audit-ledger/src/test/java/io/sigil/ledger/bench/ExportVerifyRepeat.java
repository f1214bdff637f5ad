package io.sigil.ledger.bench;

import com.sun.management.OperatingSystemMXBean;
import io.sigil.ledger.ExportVerifier;
import io.sigil.ledger.VerificationReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Verifies an export {@code <dir> <runs>} times in one JVM ({@code dir} as written by {@link ExportGenerator}),
 * printing wall and process CPU time per run: the first run is what the CLI pays, the later ones show the cost once
 * the JIT has compiled the hot paths.
 */
public final class ExportVerifyRepeat {
    private ExportVerifyRepeat() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/cli-bench");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        byte[] rootKey = Base64.getDecoder()
                .decode(Files.readString(dir.resolve("root.key")).strip());
        byte[] publicKey = Base64.getDecoder()
                .decode(Files.readString(dir.resolve("public.key")).strip());
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= runs; run++) {
            long cpu = os.getProcessCpuTime();
            long started = System.nanoTime();
            ExportVerifier.Result result = ExportVerifier.verify(dir.resolve("export.ndjson"), rootKey, publicKey);
            double seconds = (System.nanoTime() - started) / 1e9;
            long records = result.reports().stream()
                    .mapToLong(VerificationReport::recordsChecked)
                    .sum();
            boolean ok = result.reports().stream().allMatch(VerificationReport::ok);
            System.out.printf(
                    "run %d: %d records in %.3f s (%.0f records/s), process CPU %.3f s, %s%n",
                    run,
                    records,
                    seconds,
                    records / seconds,
                    (os.getProcessCpuTime() - cpu) / 1e9,
                    ok ? "all ok" : "FAILED");
        }
    }
}
