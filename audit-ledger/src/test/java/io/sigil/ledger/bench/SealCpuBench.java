package io.sigil.ledger.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.ledger.ChainMac;
import io.sigil.ledger.EvolvingKey;
import io.sigil.ledger.JcsReference;
import io.sigil.ledger.JcsWriter;
import io.sigil.ledger.SealedRecord;
import io.sigil.ledger.fixtures.FakeEvents;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

/**
 * The sealing step per event in thread CPU time rather than wall time (JMH's scores swing with the load of a shared
 * machine; a thread's CPU time hardly does): the StringBuilder canonicaliser then {@code getBytes} then seal (before
 * 2026-11-23), against {@link JcsWriter} straight to UTF-8 then seal (after), alternating rounds in one JVM.
 *
 * <p>{@code java -cp <test classpath> io.sigil.ledger.bench.SealCpuBench [rounds] [events per round]}
 */
public final class SealCpuBench {
    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SealCpuBench() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Random random = new Random(7);
        ObjectNode[] events = new ObjectNode[1_024];
        for (int i = 0; i < events.length; i++) {
            events[i] = FakeEvents.event(random, i, AT.toEpochMilli() + i);
        }
        byte[] root = new byte[32];
        random.nextBytes(root);
        EvolvingKey key = EvolvingKey.genesis(root, 0);
        JcsWriter writer = new JcsWriter();
        long sink = 0;
        double bestBefore = Double.MAX_VALUE;
        double bestAfter = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            byte[] prev = ChainMac.GENESIS_PREV_MAC.clone();
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                String text = JcsReference.canonicalString(events[i & 1023]);
                SealedRecord r = SealedRecord.seal(key, "audit", i, i, AT, text, prev);
                prev = r.mac();
            }
            double before = (THREADS.getCurrentThreadCpuTime() - start) / (double) perRound;
            sink += prev[0];
            prev = ChainMac.GENESIS_PREV_MAC.clone();
            start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                byte[] utf8 = writer.canonicalize(events[i & 1023]);
                SealedRecord r =
                        SealedRecord.seal(key, "audit", i, i, AT, new String(utf8, StandardCharsets.UTF_8), utf8, prev);
                prev = r.mac();
            }
            double after = (THREADS.getCurrentThreadCpuTime() - start) / (double) perRound;
            sink += prev[0];
            prev = ChainMac.GENESIS_PREV_MAC.clone();
            start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                sink += JcsReference.canonicalize(events[i & 1023]).length;
            }
            double jcsBefore = (THREADS.getCurrentThreadCpuTime() - start) / (double) perRound;
            start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                sink += writer.canonicalize(events[i & 1023]).length;
            }
            double jcsAfter = (THREADS.getCurrentThreadCpuTime() - start) / (double) perRound;
            bestBefore = Math.min(bestBefore, before);
            bestAfter = Math.min(bestAfter, after);
            System.out.printf(
                    "round %2d: JCS+seal before %6.0f ns, after %6.0f ns; JCS to UTF-8 alone before %6.0f ns, after"
                            + " %6.0f ns (CPU per event)%n",
                    round, before, after, jcsBefore, jcsAfter);
        }
        System.out.printf("best round: JCS+seal before %.0f ns, after %.0f ns (%d)%n", bestBefore, bestAfter, sink & 1);
    }
}
