package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.ledger.fixtures.ChainFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A checkpoint signature verdict asked late gives the report asking it first gives, whatever the records hold. */
class DeferredSignatureTest {
    private static final int SIZE = 120;
    private static ChainFixture fixture;
    private static Checkpoint checkpoint;

    @BeforeAll
    static void sealAChain() {
        fixture = ChainFixture.build("audit", SIZE, 40, 1, 616);
        checkpoint = fixture.checkpoint(SIZE);
    }

    @Test
    void aBadSignatureIsReportedBeforeAnyRecordEvenWhenARecordFailsToo() {
        byte[] otherKey = new CheckpointSigner(new byte[32]).publicKey();
        List<SealedRecord> dropped = new ArrayList<>(fixture.records);
        dropped.remove(50);
        for (List<SealedRecord> records : List.of(fixture.records, dropped)) {
            VerificationReport atOnce =
                    run(new ChainVerification("audit", fixture.keys(), checkpoint, otherKey), records);
            AtomicInteger asked = new AtomicInteger();
            BooleanSupplier later =
                    () -> asked.incrementAndGet() > 0 && CheckpointVerifier.verify(checkpoint, otherKey);
            VerificationReport deferred =
                    run(new ChainVerification("audit", fixture.keys(), checkpoint, later), records);
            assertThat(atOnce.failure()).isEqualTo(VerificationReport.Failure.CHECKPOINT_SIGNATURE_INVALID);
            assertThat(atOnce.recordsChecked()).isZero();
            assertThat(deferred).isEqualTo(atOnce);
            assertThat(asked).hasValue(1);
        }
    }

    @Test
    void aGoodSignatureLeavesTheRecordChecksToReport() {
        byte[] key = fixture.signer.publicKey();
        List<SealedRecord> dropped = new ArrayList<>(fixture.records);
        dropped.remove(50);
        for (List<SealedRecord> records : List.of(fixture.records, dropped)) {
            VerificationReport atOnce = run(new ChainVerification("audit", fixture.keys(), checkpoint, key), records);
            VerificationReport deferred = run(
                    new ChainVerification(
                            "audit", fixture.keys(), checkpoint, () -> CheckpointVerifier.verify(checkpoint, key)),
                    records);
            assertThat(deferred).isEqualTo(atOnce);
        }
        assertThat(run(new ChainVerification("audit", fixture.keys(), checkpoint, key), dropped)
                        .failure())
                .isEqualTo(VerificationReport.Failure.SEQUENCE_GAP);
    }

    @Test
    void anInconsistentCheckpointWithABadSignatureReportsTheSignature() {
        Checkpoint inconsistent = new Checkpoint(
                checkpoint.chain(),
                checkpoint.treeSize(),
                checkpoint.root(),
                checkpoint.headSeq() - 1,
                checkpoint.headMac(),
                checkpoint.epoch(),
                checkpoint.issuedAt(),
                checkpoint.keyId(),
                checkpoint.signature());
        byte[] key = fixture.signer.publicKey();
        VerificationReport atOnce =
                run(new ChainVerification("audit", fixture.keys(), inconsistent, key), fixture.records);
        VerificationReport deferred = run(
                new ChainVerification(
                        "audit", fixture.keys(), inconsistent, () -> CheckpointVerifier.verify(inconsistent, key)),
                fixture.records);
        assertThat(atOnce.failure()).isEqualTo(VerificationReport.Failure.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(deferred).isEqualTo(atOnce);
    }

    private static VerificationReport run(ChainVerification run, List<SealedRecord> records) {
        for (SealedRecord r : records) {
            run.accept(r);
        }
        return run.finish();
    }
}
