package io.sigil.ledger.bench;

import io.sigil.ledger.ChainMac;
import io.sigil.ledger.Checkpoint;
import io.sigil.ledger.CheckpointSigner;
import io.sigil.ledger.CompactRange;
import io.sigil.ledger.EpochKeys;
import io.sigil.ledger.EvolvingKey;
import io.sigil.ledger.ExportHeader;
import io.sigil.ledger.ExportWriter;
import io.sigil.ledger.Jcs;
import io.sigil.ledger.SealedRecord;
import io.sigil.ledger.fixtures.FakeEvents;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;

/**
 * Writes a genuine export for timing the CLI: {@code <dir> <records> <chains>} gives dir/export.ndjson, dir/root.key
 * (base64) and dir/public.key (base64), sealing as the service does, one record at a time, without holding them.
 */
public final class ExportGenerator {
    private static final Duration EPOCH = Duration.ofHours(1);

    private ExportGenerator() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/cli-bench");
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int chains = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Files.createDirectories(dir);
        Random random = new Random(20261123);
        byte[] rootKey = new byte[32];
        random.nextBytes(rootKey);
        byte[] signingSeed = new byte[32];
        random.nextBytes(signingSeed);
        CheckpointSigner signer = new CheckpointSigner(signingSeed);
        Files.writeString(dir.resolve("root.key"), Base64.getEncoder().encodeToString(rootKey) + "\n");
        Files.writeString(dir.resolve("public.key"), Base64.getEncoder().encodeToString(signer.publicKey()) + "\n");

        long genesis = EpochKeys.epochOf(Instant.parse("2026-11-23T00:00:00Z"), EPOCH);
        EvolvingKey key = EvolvingKey.genesis(rootKey, genesis);
        CompactRange[] ranges = new CompactRange[chains];
        byte[][] heads = new byte[chains][];
        long[] sizes = new long[chains];
        for (int c = 0; c < chains; c++) {
            ranges[c] = new CompactRange();
            heads[c] = ChainMac.GENESIS_PREV_MAC.clone();
        }
        long started = System.nanoTime();
        try (OutputStream file = Files.newOutputStream(dir.resolve("export.ndjson"));
                ExportWriter writer = new ExportWriter(file, ExportHeader.of(genesis, EPOCH.toSeconds()))) {
            for (int i = 0; i < records; i++) {
                int c = i % chains;
                key.advanceTo(genesis + i / 1_000); // a new epoch every thousand records
                long millis = key.epoch() * EPOCH.toMillis() + i % 1_000;
                String event = Jcs.canonicalString(FakeEvents.event(random, sizes[c], millis));
                SealedRecord r = SealedRecord.seal(
                        key, chainName(c), sizes[c], i, Instant.ofEpochMilli(millis), event, heads[c]);
                writer.writeRecord(r);
                ranges[c].appendLeafData(r.mac());
                heads[c] = r.mac();
                sizes[c]++;
            }
            for (int c = 0; c < chains; c++) {
                writer.writeCheckpoint(signer.sign(Checkpoint.unsigned(
                        chainName(c), sizes[c], ranges[c].root(), sizes[c] - 1, heads[c], key.epoch(), Instant.now())));
            }
        }
        System.out.printf(
                "wrote %d records in %d chain(s) to %s in %.1f s; public key %s%n",
                records,
                chains,
                dir.resolve("export.ndjson"),
                (System.nanoTime() - started) / 1e9,
                Base64.getEncoder().encodeToString(signer.publicKey()));
    }

    private static String chainName(int c) {
        return c == 0 ? "audit" : "tenant-" + c;
    }
}
