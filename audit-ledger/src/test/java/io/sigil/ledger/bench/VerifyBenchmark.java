package io.sigil.ledger.bench;

import io.sigil.ledger.ChainVerifier;
import io.sigil.ledger.Checkpoint;
import io.sigil.ledger.VerificationReport;
import io.sigil.ledger.fixtures.ChainFixture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Offline verification of 100,000 in-memory records (~600-byte events, 100 epochs); the score is records/s. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class VerifyBenchmark {
    static final int RECORDS = 100_000;

    private ChainFixture chain;
    private Checkpoint checkpoint;
    private byte[] publicKey;

    @Setup(Level.Trial)
    public void sealChain() {
        chain = ChainFixture.build("audit", RECORDS, 1_000, 1, 2026);
        checkpoint = chain.checkpoint(RECORDS);
        publicKey = chain.signer.publicKey();
        long eventBytes =
                chain.records.stream().mapToLong(r -> r.event().length()).sum();
        System.out.printf("%n%d records, mean event %d bytes%n", RECORDS, eventBytes / RECORDS);
        if (!verifyWithCheckpoint().ok()) {
            throw new IllegalStateException("the benchmark chain does not verify");
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public VerificationReport verifyWithCheckpoint() {
        return new ChainVerifier().verify("audit", chain.records, chain.keys(), checkpoint, publicKey);
    }
}
