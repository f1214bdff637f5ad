package io.sigil.core.vault.bench;

import io.sigil.core.spi.VaultProvider.VaultException;
import io.sigil.core.vault.EntryOpener;
import io.sigil.core.vault.EntrySealer;
import io.sigil.core.vault.X25519Keys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What vaulting adds to a scan with findings, one thread: the first finding (an ephemeral key pair and one
 * agreement), each further finding of the same scan, and vault-service's opening of one entry. Figures in
 * {@code docs/benchmarks.md}.
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class SealBench {

    private static final byte[] FINDING = "DE44500105175407324931".getBytes(StandardCharsets.UTF_8);

    private final KeyPair pair = X25519Keys.generate();
    private final EntrySealer sealer = new EntrySealer(X25519Keys.raw(pair.getPublic()), 1);
    private final EntrySealer.Session session = sealer.session();
    private final EntryOpener opener = new EntryOpener(Map.of(1, X25519Keys.raw(pair.getPrivate())));
    private final String id = UUID.randomUUID().toString();
    private final byte[] sealed = sealer.session().seal(id, "default", FINDING);

    @Benchmark
    public byte[] firstFindingOfAScan() {
        return sealer.session().seal(id, "default", FINDING);
    }

    @Benchmark
    public byte[] furtherFindingOfAScan() {
        return session.seal(id, "default", FINDING);
    }

    @Benchmark
    public byte[] openOneEntry() throws VaultException {
        return opener.open(id, "default", 1, sealed);
    }
}
