package io.sigil.core.scan.bench;

import io.sigil.core.scan.ScanEngine;
import io.sigil.core.scan.ScanResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scanner with every built-in detector on, one thread (so figures are per core): throughput on 1 MiB of
 * the generated mixed corpus, latency percentiles of 1 KiB and 10 KiB messages, and each 1 MB adversarial
 * input. Run by {@code bench/scanner/run.sh}; figures in {@code docs/benchmarks.md}.
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScannerBench {

    private static final ScanEngine ENGINE = ScanEngine.builtIn();

    /** Messages of one size, scanned in turn so that no single text is learnt by the branch predictor. */
    @State(Scope.Thread)
    public static class Messages {
        @Param({"1024", "10240"})
        public int size;

        List<String> texts;
        int next;

        @Setup(Level.Trial)
        public void generate() {
            texts = MixedCorpus.generate(42, 256, size).stream()
                    .map(MixedCorpus.Document::text)
                    .toList();
        }

        String next() {
            next = (next + 1) % texts.size();
            return texts.get(next);
        }
    }

    /** One mebibyte of the mixed corpus. */
    @State(Scope.Benchmark)
    public static class Mebibyte {
        String text;

        @Setup(Level.Trial)
        public void generate() {
            text = MixedCorpus.generate(42, 1, 1 << 20).get(0).text();
        }
    }

    /** The 1 MB adversarial inputs, by name. */
    @State(Scope.Benchmark)
    public static class Adversarial {
        @Param({
            "a-flood",
            "AKIA-flood",
            "at-flood",
            "digit-space",
            "pem-header-flood",
            "entity-flood",
            "base64-key-ids",
            "a-equals-flood",
            "password-flood",
            "keyword-mix",
            "base64ish-noise",
            "digits-separators"
        })
        public String input;

        String text;

        @Setup(Level.Trial)
        public void generate() {
            text = AdversarialInputs.byName(input);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ScanResult message(Messages messages) {
        return ENGINE.scanResult(messages.next());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ScanResult mixedMebibyte(Mebibyte corpus) {
        return ENGINE.scanResult(corpus.text);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ScanResult adversarialMegabyte(Adversarial adversarial) {
        return ENGINE.scanResult(adversarial.text);
    }
}
