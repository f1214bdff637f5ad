package io.sigil.ledger.bench;

import io.sigil.ledger.CompactRange;
import io.sigil.ledger.Merkle;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Appending to the incremental Merkle tree (amortised one node hash per leaf), and taking its root. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class CompactRangeBenchmark {
    private final byte[][] leaves = new byte[1_024][];
    private CompactRange range;
    private int next;

    @Setup(Level.Trial)
    public void leaves() {
        Random random = new Random(6962);
        for (int i = 0; i < leaves.length; i++) {
            byte[] mac = new byte[32];
            random.nextBytes(mac);
            leaves[i] = Merkle.leafHash(mac);
        }
    }

    @Setup(Level.Iteration)
    public void emptyTree() {
        range = new CompactRange();
        // Start at a size with many set bits, so root() folds a realistic number of subtrees.
        for (int i = 0; i < 1_000_000; i++) {
            range.append(leaves[i & 1_023]);
        }
    }

    @Benchmark
    public long append() {
        range.append(leaves[next++ & 1_023]);
        return range.size();
    }

    @Benchmark
    public byte[] root() {
        return range.root();
    }
}
