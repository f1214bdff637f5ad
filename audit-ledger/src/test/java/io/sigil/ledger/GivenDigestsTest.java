package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.ledger.fixtures.ChainFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chain checks use the digests a parsing thread took, and report exactly what hashing in place reports. */
class GivenDigestsTest {
    private static final int SIZE = 90;
    private static ChainFixture fixture;
    private static Checkpoint checkpoint;

    @BeforeAll
    static void sealAChain() {
        fixture = ChainFixture.build("audit", SIZE, 30, 1, 4242);
        checkpoint = fixture.checkpoint(SIZE);
    }

    @Test
    void rightDigestsGiveTheReportOfHashingInPlace() {
        assertThat(run(-1)).isEqualTo(runInPlace()).satisfies(r -> assertThat(r.ok())
                .isTrue());
    }

    @Test
    void aWrongEventDigestFailsThatRecord() {
        VerificationReport report = run(40 * EntryBatch.DIGESTS_PER_RECORD + 3);
        assertThat(report.failure()).isEqualTo(VerificationReport.Failure.EVENT_DIGEST_MISMATCH);
        assertThat(report.firstBadSeq()).isEqualTo(40);
    }

    @Test
    void aWrongLeafHashFailsTheCheckpoint() {
        VerificationReport report = run(40 * EntryBatch.DIGESTS_PER_RECORD + Sha256.LENGTH + 5);
        assertThat(report.failure()).isEqualTo(VerificationReport.Failure.CHECKPOINT_ROOT_MISMATCH);
    }

    /** Feeds every record with digests taken as a {@link BatchParser} takes them, byte {@code flip} flipped (if ≥ 0). */
    private static VerificationReport run(int flip) {
        List<ChainEntry> entries = fixture.records.stream().map(ChainEntry::of).toList();
        byte[] digests = new byte[SIZE * EntryBatch.DIGESTS_PER_RECORD];
        for (int i = 0; i < SIZE; i++) {
            int at = i * EntryBatch.DIGESTS_PER_RECORD;
            System.arraycopy(Sha256.digest(entries.get(i).eventBytes()), 0, digests, at, Sha256.LENGTH);
            byte[] leaf = Merkle.leafHash(entries.get(i).mac());
            System.arraycopy(leaf, 0, digests, at + Sha256.LENGTH, Sha256.LENGTH);
        }
        if (flip >= 0) {
            digests[flip] ^= 1;
        }
        ChainVerification v = new ChainVerification("audit", fixture.keys(), checkpoint, fixture.signer.publicKey());
        for (int i = 0; i < SIZE; i++) {
            v.accept(entries.get(i), digests, i * EntryBatch.DIGESTS_PER_RECORD);
        }
        return v.finish();
    }

    private static VerificationReport runInPlace() {
        ChainVerification v = new ChainVerification("audit", fixture.keys(), checkpoint, fixture.signer.publicKey());
        fixture.records.forEach(v::accept);
        return v.finish();
    }
}
