package io.sigil.ledger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The chain checks of an export's records, fed in file order a batch at a time; one report per chain. */
final class ChainChecks {
    private final Map<String, Checkpoint> checkpoints;
    private final Function<String, ChainVerification> start;
    private final Map<String, ChainVerification> runs = new LinkedHashMap<>();

    /** Reads the header and the checkpoints (the slow part) and starts verifying the signatures. */
    ChainChecks(ExportReader reader, byte[] rootKey, byte[] publicKeyOrNull) throws IOException {
        checkpoints = reader.checkpoints();
        long genesisEpoch = reader.header().genesisEpoch();
        CheckpointSignatures signatures =
                publicKeyOrNull == null ? null : CheckpointSignatures.start(checkpoints.values(), publicKeyOrNull);
        // One key schedule per chain: interleaved chains sharing one would restart its walk from genesis.
        start = chain -> {
            Checkpoint checkpoint = checkpoints.get(chain);
            return new ChainVerification(
                    chain,
                    new KeySchedule(rootKey, genesisEpoch),
                    checkpoint,
                    checkpoint == null || signatures == null ? null : signatures.verdict(checkpoint));
        };
    }

    /** Checks the batch's records, with the digests its parser took if it took them. */
    void check(EntryBatch batch) {
        byte[] digests = batch.digested ? batch.digests : null;
        for (int i = 0; i < batch.size; i++) {
            ChainEntry r = batch.entries[i];
            runs.computeIfAbsent(r.chain(), start).accept(r, digests, i * EntryBatch.DIGESTS_PER_RECORD);
        }
    }

    /** The reports, once every record has been checked; chains with a checkpoint but no record included. */
    List<VerificationReport> reports() {
        checkpoints.keySet().forEach(chain -> runs.computeIfAbsent(chain, start));
        List<VerificationReport> reports = new ArrayList<>();
        for (ChainVerification run : runs.values()) {
            reports.add(run.finish());
        }
        return reports;
    }
}
