package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.ledger.VerificationReport.Failure;
import io.sigil.ledger.fixtures.ChainFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {
    private static final int SIZE = 300;
    private static ChainFixture fixture;
    private static Checkpoint checkpoint;
    private static byte[] publicKey;

    private final ChainVerifier verifier = new ChainVerifier();

    @BeforeAll
    static void sealAChain() {
        // 40 records an epoch, busy epochs three apart: 8 epochs from 1000 to 1021.
        fixture = ChainFixture.build("audit", SIZE, 40, 3, 6962);
        checkpoint = fixture.checkpoint(SIZE);
        publicKey = fixture.signer.publicKey();
    }

    @Test
    void theGenuineChainVerifies() {
        assertThat(fixture.records.get(SIZE - 1).epoch()).isEqualTo(1021);
        VerificationReport report = verify(records(), checkpoint);
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(SIZE);
        assertThat(report.firstBadSeq()).isNull();
        assertThat(report.failure()).isNull();
        assertThat(verify(records(), null).ok()).isTrue();
        assertThat(verify(records(), fixture.checkpoint(250)).ok())
                .as("an older checkpoint")
                .isTrue();
        assertThat(verify(records(), fixture.checkpoint(1)).ok()).isTrue();
    }

    @Test
    void aModifiedEventIsCaughtByItsDigest() {
        List<SealedRecord> records = records();
        SealedRecord r = records.get(123);
        records.set(123, withEvent(r, r.event().replace("\"Invoke\"", "\"Nothing\""), r.eventSha256()));
        assertFailure(verify(records, checkpoint), Failure.EVENT_DIGEST_MISMATCH, 123);
    }

    @Test
    void aModifiedEventWithARecomputedDigestIsCaughtByTheMac() {
        List<SealedRecord> records = records();
        SealedRecord r = records.get(123);
        String forged = r.event().replace("\"Invoke\"", "\"Nothing\"");
        records.set(123, withEvent(r, forged, sha(forged)));
        assertFailure(verify(records, checkpoint), Failure.MAC_MISMATCH, 123);
    }

    @Test
    void anInsertedRecordWithRenumberedSuccessorsFailsItsMac() {
        List<SealedRecord> records = records();
        SealedRecord before = records.get(149);
        String event = "{\"activity_name\":\"Nothing to see\"}";
        byte[] guessedMac = new byte[32];
        new Random(1).nextBytes(guessedMac);
        SealedRecord forged = new SealedRecord(
                "audit", 150, -1, before.epoch(), before.sealedAt(), event, sha(event), before.mac(), guessedMac);
        for (int i = 150; i < records.size(); i++) {
            records.set(i, renumber(records.get(i), i + 1));
        }
        records.add(150, forged);
        assertFailure(verify(records, checkpoint), Failure.MAC_MISMATCH, 150);
    }

    @Test
    void anInsertedRecordSealedWithAGuessedKeyFailsItsMac() {
        List<SealedRecord> records = records();
        SealedRecord before = records.get(149);
        byte[] guessedRoot = new byte[32];
        new Random(2).nextBytes(guessedRoot);
        EvolvingKey wrong = EvolvingKey.genesis(guessedRoot, ChainFixture.GENESIS_EPOCH);
        wrong.advanceTo(before.epoch());
        SealedRecord forged = SealedRecord.seal(wrong, "audit", 150, -1, before.sealedAt(), "{}", before.mac());
        for (int i = 150; i < records.size(); i++) {
            records.set(i, renumber(records.get(i), i + 1));
        }
        records.add(150, forged);
        assertFailure(verify(records, checkpoint), Failure.MAC_MISMATCH, 150);
    }

    @Test
    void anInsertedRecordThatRepeatsASeqIsCaughtBySequence() {
        List<SealedRecord> records = records();
        SealedRecord original = records.get(150);
        String event = "{}";
        records.add(151, withEvent(original, event, sha(event)));
        assertFailure(verify(records, checkpoint), Failure.SEQUENCE_REPEATED_OR_REORDERED, 151);
    }

    @Test
    void aDeletedRecordLeavesAGap() {
        List<SealedRecord> records = records();
        records.remove(200);
        assertFailure(verify(records, checkpoint), Failure.SEQUENCE_GAP, 200);
        List<SealedRecord> withoutFirst = records();
        withoutFirst.remove(0);
        assertFailure(verify(withoutFirst, null), Failure.SEQUENCE_GAP, 0);
    }

    @Test
    void aDeletedRecordWithRenumberedSuccessorsBreaksTheMacChain() {
        List<SealedRecord> records = records();
        records.remove(200);
        for (int i = 200; i < records.size(); i++) {
            records.set(i, renumber(records.get(i), i));
        }
        assertFailure(verify(records, checkpoint), Failure.PREV_MAC_MISMATCH, 200);
    }

    @Test
    void twoSwappedRecordsAreReordered() {
        List<SealedRecord> records = records();
        Collections.swap(records, 77, 78);
        assertFailure(verify(records, checkpoint), Failure.SEQUENCE_REPEATED_OR_REORDERED, 77);
    }

    @Test
    void twoSwappedRecordsWithSwappedSeqsBreakTheMacChain() {
        List<SealedRecord> records = records();
        SealedRecord a = records.get(77);
        SealedRecord b = records.get(78);
        records.set(77, renumber(b, 77));
        records.set(78, renumber(a, 78));
        assertFailure(verify(records, checkpoint), Failure.PREV_MAC_MISMATCH, 77);
    }

    @Test
    void aTruncatedTailIsCaughtByTheCheckpointOnly() {
        List<SealedRecord> records = new ArrayList<>(records().subList(0, 280));
        VerificationReport report = verify(records, checkpoint);
        assertFailure(report, Failure.TRUNCATED, 280);
        assertThat(report.recordsChecked()).isEqualTo(280);
        assertThat(verify(records, null).ok())
                .as("without a checkpoint a cut tail looks complete")
                .isTrue();
    }

    @Test
    void aCheckpointCheckedWithTheWrongPublicKeyIsRejected() {
        byte[] otherKey = new CheckpointSigner(new byte[32]).publicKey();
        VerificationReport report = verifier.verify("audit", records(), fixture.keys(), checkpoint, otherKey);
        assertFailure(report, Failure.CHECKPOINT_SIGNATURE_INVALID, SIZE - 1);
        assertThat(report.recordsChecked()).isZero();
    }

    @Test
    void aTamperedCheckpointIsRejected() {
        Checkpoint moved = new Checkpoint(
                checkpoint.chain(),
                280,
                checkpoint.root(),
                279,
                checkpoint.headMac(),
                checkpoint.epoch(),
                checkpoint.issuedAt(),
                checkpoint.keyId(),
                checkpoint.signature());
        assertFailure(verify(records(), moved), Failure.CHECKPOINT_SIGNATURE_INVALID, 279);
    }

    @Test
    void aHistoryRewrittenWithAStolenCurrentKeyMissesTheCheckpointRoot() {
        // Whoever holds the key of the last epoch can reseal that epoch's records; the signed root still differs.
        List<SealedRecord> records = records();
        SealedRecord last = records.get(SIZE - 1);
        EvolvingKey stolen = new EvolvingKey(
                last.epoch(), EpochKeys.keyFor(fixture.rootKey, ChainFixture.GENESIS_EPOCH, last.epoch()));
        int firstRewritten = SIZE - 20;
        byte[] prev = records.get(firstRewritten - 1).mac();
        for (int seq = firstRewritten; seq < SIZE; seq++) {
            SealedRecord r =
                    SealedRecord.seal(stolen, "audit", seq, -1, last.sealedAt(), "{\"rewritten\":" + seq + "}", prev);
            records.set(seq, r);
            prev = r.mac();
        }
        assertThat(verify(records, null).ok())
                .as("the MAC chain alone cannot tell")
                .isTrue();
        assertFailure(verify(records, checkpoint), Failure.CHECKPOINT_ROOT_MISMATCH, SIZE - 1);
    }

    @Test
    void aCheckpointWhoseRootDisagreesIsReportedEvenIfHeadMatches() {
        Checkpoint wrongRoot = fixture.signer.sign(Checkpoint.unsigned(
                "audit",
                SIZE,
                Merkle.emptyRoot(),
                SIZE - 1,
                checkpoint.headMac(),
                checkpoint.epoch(),
                checkpoint.issuedAt()));
        assertFailure(verify(records(), wrongRoot), Failure.CHECKPOINT_ROOT_MISMATCH, SIZE - 1);
    }

    @Test
    void epochsMustNotGoBackNorPrecedeGenesis() {
        List<SealedRecord> records = records();
        records.set(250, withEpoch(records.get(250), records.get(250).epoch() - 3));
        assertFailure(verify(records, checkpoint), Failure.EPOCH_REGRESSION, 250);

        List<SealedRecord> early = records();
        early.set(0, withEpoch(early.get(0), ChainFixture.GENESIS_EPOCH - 1));
        assertFailure(verify(early, null), Failure.EPOCH_REGRESSION, 0);
    }

    @Test
    void aFarFutureEpochIsAMacFailureNotAHang() {
        List<SealedRecord> records = records();
        records.set(10, withEpoch(records.get(10), Long.MAX_VALUE / 2));
        VerificationReport report = verify(records, null);
        assertFailure(report, Failure.MAC_MISMATCH, 10);
        assertThat(report.detail()).contains("no key for epoch");
    }

    @Test
    void aRecordOfAnotherChainIsRejected() {
        List<SealedRecord> records = records();
        SealedRecord r = records.get(42);
        records.set(
                42,
                new SealedRecord(
                        "other",
                        r.seq(),
                        r.offset(),
                        r.epoch(),
                        r.sealedAt(),
                        r.event(),
                        r.eventSha256(),
                        r.prevMac(),
                        r.mac()));
        assertFailure(verify(records, checkpoint), Failure.WRONG_CHAIN, 42);
        VerificationReport report = verifier.verify("other", records(), fixture.keys(), checkpoint, publicKey);
        assertFailure(report, Failure.WRONG_CHAIN, SIZE - 1);
    }

    @Test
    void anEmptyChainAgainstCheckpoints() {
        assertThat(verify(List.of(), fixture.checkpoint(0)).ok()).isTrue();
        assertFailure(verify(List.of(), checkpoint), Failure.TRUNCATED, 0);
        assertThat(verify(List.of(), null).ok()).isTrue();
    }

    @Test
    void feedingOneRecordAtATimeGivesTheSameReport() {
        List<SealedRecord> records = records();
        records.remove(33);
        ChainVerification run = verifier.start("audit", fixture.keys(), checkpoint, publicKey);
        records.forEach(run::accept);
        assertThat(run.finish()).isEqualTo(verify(records, checkpoint));
        assertThat(run.accept(records.get(0)))
                .as("a failed run takes no more records")
                .isFalse();
    }

    @Test
    void oneVerifierChecksSeveralChains() {
        ChainFixture second = ChainFixture.build("tenant-b", 50, 7, 1, 99);
        assertThat(verify(records(), checkpoint).ok()).isTrue();
        assertThat(verifier.verify(
                                "tenant-b",
                                second.records,
                                second.keys(),
                                second.checkpoint(50),
                                second.signer.publicKey())
                        .ok())
                .isTrue();
        assertFailure(verifier.verify("tenant-b", second.records, fixture.keys(), null, null), Failure.MAC_MISMATCH, 0);
    }

    private VerificationReport verify(List<SealedRecord> records, Checkpoint cp) {
        return verifier.verify("audit", records, fixture.keys(), cp, cp == null ? null : publicKey);
    }

    @Test
    void withoutTheRootKeyEverythingButTheMacsIsStillChecked() {
        KeySchedule withheld = KeySchedule.withheld(ChainFixture.GENESIS_EPOCH);

        // The genuine chain passes, and says its MACs were not recomputed.
        VerificationReport genuine = verifier.verify("audit", records(), withheld, checkpoint, publicKey);
        assertThat(genuine.ok()).as(genuine.toString()).isTrue();
        assertThat(genuine.macsVerified()).isFalse();
        assertThat(genuine.detail()).contains("root key is held offline");
        assertThat(verify(records(), checkpoint).macsVerified()).isTrue();

        // Digests, links, sequence and the signed checkpoint still catch tampering.
        List<SealedRecord> modified = records();
        SealedRecord r = modified.get(123);
        modified.set(123, withEvent(r, r.event().replace("\"Invoke\"", "\"Nothing\""), r.eventSha256()));
        assertFailure(
                verifier.verify("audit", modified, withheld, checkpoint, publicKey),
                Failure.EVENT_DIGEST_MISMATCH,
                123);
        List<SealedRecord> deleted = records();
        deleted.remove(77);
        assertFailure(verifier.verify("audit", deleted, withheld, checkpoint, publicKey), Failure.SEQUENCE_GAP, 77);
        List<SealedRecord> truncated = new ArrayList<>(records().subList(0, 200));
        assertFailure(verifier.verify("audit", truncated, withheld, checkpoint, publicKey), Failure.TRUNCATED, 200);

        // What only the MAC can show, an event rewritten with its digest, needs the root key: the offline verifier.
        List<SealedRecord> rewritten = records();
        String forged = r.event().replace("\"Invoke\"", "\"Nothing\"");
        rewritten.set(123, withEvent(r, forged, sha(forged)));
        assertThat(verifier.verify("audit", rewritten, withheld, checkpoint, publicKey)
                        .ok())
                .isTrue();
        assertFailure(verify(rewritten, checkpoint), Failure.MAC_MISMATCH, 123);
    }

    private static void assertFailure(VerificationReport report, Failure failure, long firstBadSeq) {
        assertThat(report.ok()).as(report.toString()).isFalse();
        assertThat(report.failure()).as(report.toString()).isEqualTo(failure);
        assertThat(report.firstBadSeq()).as(report.toString()).isEqualTo(firstBadSeq);
        assertThat(report.detail()).isNotBlank();
    }

    private static List<SealedRecord> records() {
        return new ArrayList<>(fixture.records);
    }

    private static byte[] sha(String event) {
        return ChainMac.sha256(event.getBytes(StandardCharsets.UTF_8));
    }

    private static SealedRecord renumber(SealedRecord r, long seq) {
        return new SealedRecord(
                r.chain(), seq, r.offset(), r.epoch(), r.sealedAt(), r.event(), r.eventSha256(), r.prevMac(), r.mac());
    }

    private static SealedRecord withEvent(SealedRecord r, String event, byte[] sha) {
        return new SealedRecord(
                r.chain(), r.seq(), r.offset(), r.epoch(), r.sealedAt(), event, sha, r.prevMac(), r.mac());
    }

    private static SealedRecord withEpoch(SealedRecord r, long epoch) {
        return new SealedRecord(
                r.chain(), r.seq(), r.offset(), epoch, r.sealedAt(), r.event(), r.eventSha256(), r.prevMac(), r.mac());
    }
}
