package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.ledger.fixtures.ChainFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportVerifierTest {
    private static final int COUNT = 6000; // many batches, so their event blocks get reused
    private static final String TRICKY = "\"\\/\b\f\n\r\t\u0000\u001f\u007fé中\u2028\ud83d\ude00\ud800\udc00x ";

    @TempDir
    Path dir;

    private byte[] rootKey;
    private CheckpointSigner signer;
    private List<String> lines;

    /** Seals events full of characters JSON must escape, as the service would, and exports them. */
    @BeforeEach
    void sealAndExport() throws IOException {
        Random random = new Random(17);
        rootKey = new byte[32];
        random.nextBytes(rootKey);
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        signer = new CheckpointSigner(seed);
        EvolvingKey key = EvolvingKey.genesis(rootKey, ChainFixture.GENESIS_EPOCH);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] chains = {"audit", "tenant-ü"};
        CompactRange[] ranges = {new CompactRange(), new CompactRange()};
        byte[][] heads = {ChainMac.GENESIS_PREV_MAC.clone(), ChainMac.GENESIS_PREV_MAC.clone()};
        try (ExportWriter writer = new ExportWriter(bytes, ExportHeader.of(ChainFixture.GENESIS_EPOCH, 3600))) {
            for (int i = 0; i < COUNT; i++) {
                int c = i % 2;
                key.advanceTo(ChainFixture.GENESIS_EPOCH + i / 100);
                StringBuilder event = new StringBuilder("{\"n\":" + i + ",\"text\":\"");
                for (int k = random.nextInt(30); k > 0; k--) {
                    event.append(TRICKY.charAt(random.nextInt(TRICKY.length())));
                }
                if (i == 777) {
                    event.append("y".repeat(600_000)); // larger than a batch's event block
                }
                SealedRecord r = SealedRecord.seal(
                        key, chains[c], i / 2, i, Instant.ofEpochSecond(1_000_000L + i), event + "\"}", heads[c]);
                writer.writeRecord(r);
                ranges[c].appendLeafData(r.mac());
                heads[c] = r.mac();
            }
            for (int c = 0; c < 2; c++) {
                writer.writeCheckpoint(signer.sign(Checkpoint.unsigned(
                        chains[c],
                        COUNT / 2,
                        ranges[c].root(),
                        COUNT / 2 - 1,
                        heads[c],
                        key.epoch(),
                        Instant.ofEpochSecond(2_000_000L))));
            }
        }
        lines = new ArrayList<>(bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void eventsWithEscapesAndSurrogatesVerify() throws IOException {
        assertThat(String.join("\n", lines)).contains("\\\"", "\\u0000", "?");
        List<VerificationReport> reports = verify(lines);
        assertThat(reports)
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
        assertThat(reports).extracting(VerificationReport::chain).containsExactly("audit", "tenant-ü");
        assertThat(reports).extracting(VerificationReport::recordsChecked).containsOnly((long) COUNT / 2);
    }

    @Test
    void anotherSpellingOfTheSameTextStillVerifies() throws IOException {
        // "\/" and "\u0022" are the same characters as "/" and "\"": the MAC is over the text, not its spelling.
        List<String> respelled = new ArrayList<>(lines);
        respelled.replaceAll(
                l -> l.replace("\\\"", "\\u0022").replace("é", "\\u00E9").replace("/", "\\/"));
        assertThat(respelled).isNotEqualTo(lines);
        assertThat(verify(respelled)).allSatisfy(r -> assertThat(r.ok()).isTrue());
    }

    @Test
    void aChangedCharacterFailsTheChainAtThatRecord() throws IOException {
        int at = indexOf("\"chain\":\"tenant-ü\",\"seq\":321,");
        assertThat(failures(edit(at, l -> l.replaceFirst("\"n\\\\\":", "\"N\\\\\":"))))
                .containsExactly("tenant-ü seq 321 EVENT_DIGEST_MISMATCH");
        int control = firstIndexContaining("\\u0000");
        String seq = lines.get(control).replaceAll(".*\"seq\":(\\d+),.*", "$1");
        assertThat(failures(edit(control, l -> l.replaceFirst("\\\\u0000", "\\\\u0001"))))
                .hasSize(1)
                .allSatisfy(f -> assertThat(f).endsWith(" seq " + seq + " EVENT_DIGEST_MISMATCH"));
    }

    @Test
    void swappedOrDroppedRecordsFail() throws IOException {
        int a = indexOf("\"chain\":\"audit\",\"seq\":100,");
        int b = indexOf("\"chain\":\"audit\",\"seq\":101,");
        List<String> swapped = new ArrayList<>(lines);
        swapped.set(a, lines.get(b));
        swapped.set(b, lines.get(a));
        assertThat(failures(swapped)).containsExactly("audit seq 100 SEQUENCE_REPEATED_OR_REORDERED");
        List<String> dropped = new ArrayList<>(lines);
        dropped.remove(a);
        assertThat(failures(dropped)).containsExactly("audit seq 100 SEQUENCE_GAP");
    }

    @Test
    void aMalformedLineAfterManyGoodOnesStopsTheRunWithItsLineNumber() {
        int at = indexOf("\"chain\":\"audit\",\"seq\":600,");
        List<String> broken = edit(at, l -> l.replace("\"event\":\"", "\"event\":\"\\q"));
        assertThatThrownBy(() -> verify(broken))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageStartingWith("line " + (at + 1) + ": not JSON: bad escape \\q");
    }

    @Test
    void theTwoParserPassLeavesAnyBadLineToTheOneParserPass() throws IOException {
        Path file = Files.createTempFile(dir, "export", ".ndjson");
        int at = indexOf("\"chain\":\"audit\",\"seq\":2500,");
        List<String> broken = edit(at, l -> l.replace("\"seq\":2500,", "\"seq\":\"2500\","));
        Files.writeString(file, String.join("\n", broken) + "\n", StandardCharsets.UTF_8);
        assertThat(ParallelExportVerifier.verify(ExportReader.openLazily(file), rootKey, signer.publicKey()))
                .isNull();
        assertThatThrownBy(() -> ExportVerifier.verify(file, rootKey, signer.publicKey()))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageStartingWith("line " + (at + 1) + ": bad record: field seq must be an integer");
    }

    @Test
    void aBadLineAmongTheOthersIsReportedBeforeABadRecordAsWhenTheyWereReadFirst() throws IOException {
        int at = indexOf("\"chain\":\"audit\",\"seq\":10,");
        List<String> broken = edit(at, l -> l.replace("\"seq\":10,", "\"seq\":1x,"));
        broken.add("{\"type\":\"checkpoint\",\"chain\":7}");
        Path file = Files.createTempFile(dir, "export", ".ndjson");
        Files.writeString(file, String.join("\n", broken) + "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ExportVerifier.verify(file, rootKey, signer.publicKey()))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageStartingWith("line " + broken.size() + ": bad checkpoint");
        broken.remove(broken.size() - 1);
        Files.writeString(file, String.join("\n", broken) + "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ExportVerifier.verify(file, rootKey, signer.publicKey()))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageStartingWith("line " + (at + 1) + ": not JSON");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        ExportVerifier.Result result = ExportVerifier.verify(file, rootKey, signer.publicKey());
        assertThat(result.checkpoints()).isEqualTo(2);
        assertThat(result.reports()).allSatisfy(r -> assertThat(r.ok()).isTrue());
    }

    @Test
    void aCheckpointAmongTheRecordsIsReadAsWellAsOneAfterThem() throws IOException {
        List<String> moved = new ArrayList<>(lines);
        String checkpoint = moved.remove(moved.size() - 1); // tenant-ü's
        assertThat(checkpoint).startsWith("{\"type\":\"checkpoint\"");
        moved.add(1, checkpoint);
        Path file = Files.createTempFile(dir, "export", ".ndjson");
        Files.writeString(file, String.join("\n", moved) + "\n", StandardCharsets.UTF_8);
        ExportVerifier.Result result = ExportVerifier.verify(file, rootKey, signer.publicKey());
        assertThat(result.checkpoints()).isEqualTo(2);
        assertThat(result.reports())
                .allSatisfy(r -> assertThat(r.detail()).as(r.toString()).contains("root matches"));

        // Proof that the moved one is the checkpoint checked: a forged root there fails its chain.
        int root = checkpoint.indexOf("\"root\":\"") + 8;
        char digit = checkpoint.charAt(root) == '0' ? '1' : '0';
        moved.set(1, checkpoint.substring(0, root) + digit + checkpoint.substring(root + 1));
        assertThat(failures(moved))
                .containsExactly("tenant-ü seq " + (COUNT / 2 - 1) + " CHECKPOINT_SIGNATURE_INVALID");
    }

    private List<String> failures(List<String> export) throws IOException {
        List<String> failed = new ArrayList<>();
        for (VerificationReport r : verify(export)) {
            if (!r.ok()) {
                failed.add(r.chain() + " seq " + r.firstBadSeq() + " " + r.failure());
            }
        }
        return failed;
    }

    /** Verifies through both entry points: the CLI's, which reads checkpoints from the tail, and the whole-file one. */
    private List<VerificationReport> verify(List<String> export) throws IOException {
        Path file = Files.createTempFile(dir, "export", ".ndjson");
        Files.writeString(file, String.join("\n", export) + "\n", StandardCharsets.UTF_8);
        List<VerificationReport> wholeFile =
                ExportVerifier.verify(ExportReader.open(file), rootKey, signer.publicKey());
        assertThat(ExportVerifier.verify(file, rootKey, signer.publicKey()).reports())
                .isEqualTo(wholeFile);
        // The two-parser pass itself, not only the one-parser pass it falls back to on a bad line.
        assertThat(ParallelExportVerifier.verify(ExportReader.open(file), rootKey, signer.publicKey()))
                .isEqualTo(wholeFile);
        return wholeFile;
    }

    private List<String> edit(int at, UnaryOperator<String> change) {
        List<String> edited = new ArrayList<>(lines);
        String changed = change.apply(lines.get(at));
        assertThat(changed).isNotEqualTo(lines.get(at));
        edited.set(at, changed);
        return edited;
    }

    private int indexOf(String fragment) {
        int at = firstIndexContaining(fragment);
        assertThat(at).as(fragment).isPositive();
        return at;
    }

    private int firstIndexContaining(String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }
}
