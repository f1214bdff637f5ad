package io.sigil.ledger.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.ledger.ChainMac;
import io.sigil.ledger.EvolvingKey;
import io.sigil.ledger.Jcs;
import io.sigil.ledger.JcsReference;
import io.sigil.ledger.JcsWriter;
import io.sigil.ledger.SealedRecord;
import io.sigil.ledger.fixtures.FakeEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The sealing cost of one record: JCS of a Jackson tree, SHA-256 of the text, the chain HMAC. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class SealBenchmark {
    private static final int EVENTS = 1_024;
    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");

    private final ObjectNode[] events = new ObjectNode[EVENTS];
    private final String[] canonical = new String[EVENTS];
    private final JcsWriter writer = new JcsWriter();
    private EvolvingKey key;
    private byte[] prevMac;
    private long seq;

    @Setup
    public void prepare() {
        Random random = new Random(7);
        for (int i = 0; i < EVENTS; i++) {
            events[i] = FakeEvents.event(random, i, AT.toEpochMilli() + i);
            canonical[i] = Jcs.canonicalString(events[i]);
        }
        byte[] root = new byte[32];
        random.nextBytes(root);
        key = EvolvingKey.genesis(root, 0);
        prevMac = ChainMac.GENESIS_PREV_MAC.clone();
    }

    @Benchmark
    public SealedRecord canonicalizeAndSeal() {
        int i = (int) (seq & (EVENTS - 1));
        return next(Jcs.canonicalString(events[i]));
    }

    @Benchmark
    public String canonicalizeOnly() {
        return Jcs.canonicalString(events[(int) (seq++ & (EVENTS - 1))]);
    }

    /** The StringBuilder canonicaliser JcsWriter replaced, for an A/B in the same run. */
    @Benchmark
    public String canonicalizeOnlyReference() {
        return JcsReference.canonicalString(events[(int) (seq++ & (EVENTS - 1))]);
    }

    /** What the sealer does now: JCS straight to UTF-8, the text made from those bytes, which are hashed. */
    @Benchmark
    public SealedRecord canonicalizeBytesAndSeal() {
        int i = (int) (seq & (EVENTS - 1));
        byte[] utf8 = writer.canonicalize(events[i]);
        SealedRecord r =
                SealedRecord.seal(key, "audit", seq, seq, AT, new String(utf8, StandardCharsets.UTF_8), utf8, prevMac);
        prevMac = r.mac();
        seq++;
        return r;
    }

    @Benchmark
    public SealedRecord sealCanonicalText() {
        return next(canonical[(int) (seq & (EVENTS - 1))]);
    }

    private SealedRecord next(String event) {
        SealedRecord r = SealedRecord.seal(key, "audit", seq, seq, AT, event, prevMac);
        prevMac = r.mac();
        seq++;
        return r;
    }
}
