package io.sigil.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.ledger.bench.ExportGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI streams: an export larger than its whole heap verifies in a forked JVM with {@code -Xmx64m}. */
class SmallHeapVerifyTest {
    private static final int RECORDS = 70_000; // about 80 MB of export with the generator's events

    @TempDir
    Path dir;

    @Test
    void anExportLargerThanTheHeapVerifiesIn64Megabytes() throws IOException, InterruptedException {
        ExportGenerator.main(new String[] {dir.toString(), String.valueOf(RECORDS), "2"});
        Path export = dir.resolve("export.ndjson");
        assertThat(Files.size(export)).isGreaterThan(64L << 20);

        Path output = dir.resolve("out.txt");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        VerifyCommand.class.getName(),
                        "verify",
                        "--export",
                        export.toString(),
                        "--root-key-file",
                        dir.resolve("root.key").toString(),
                        "--public-key",
                        Files.readString(dir.resolve("public.key")).strip())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("the verifier finished")
                .isTrue();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines)
                .startsWith("chain=audit ok records=" + RECORDS / 2, "chain=tenant-1 ok records=" + RECORDS / 2)
                .anySatisfy(l -> assertThat(l).startsWith("verified " + RECORDS + " records in 2 chain(s)"));
    }
}
