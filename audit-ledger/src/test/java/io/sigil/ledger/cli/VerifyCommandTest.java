package io.sigil.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.ledger.CheckpointSigner;
import io.sigil.ledger.ExportHeader;
import io.sigil.ledger.ExportWriter;
import io.sigil.ledger.fixtures.ChainFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    static Path dir;

    private static ChainFixture audit;
    private static ChainFixture tenant;
    private static Path export;
    private static Path rootKeyFile;
    private static String publicKey;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void exportTwoChains() throws IOException {
        // Both chains share the service's root and signing keys; only the chain name separates their MACs.
        Random random = new Random(11);
        byte[] rootKey = new byte[32];
        random.nextBytes(rootKey);
        byte[] signingSeed = new byte[32];
        random.nextBytes(signingSeed);
        audit = ChainFixture.build("audit", 300, 40, 3, rootKey, signingSeed, random);
        tenant = ChainFixture.build("tenant-b", 50, 10, 1, rootKey, signingSeed, random);
        export = dir.resolve("good.ndjson");
        try (OutputStream file = Files.newOutputStream(export);
                ExportWriter writer = new ExportWriter(file, ExportHeader.of(ChainFixture.GENESIS_EPOCH, 3600))) {
            for (int i = 0; i < 300; i++) {
                writer.writeRecord(audit.records.get(i));
                if (i % 6 == 0 && i / 6 < 50) {
                    writer.writeRecord(tenant.records.get(i / 6));
                }
            }
            writer.writeCheckpoint(audit.checkpoint(300));
            writer.writeCheckpoint(tenant.checkpoint(50));
        }
        rootKeyFile = dir.resolve("root.key");
        Files.writeString(rootKeyFile, Base64.getEncoder().encodeToString(audit.rootKey) + "\n");
        publicKey = Base64.getEncoder().encodeToString(audit.signer.publicKey());
    }

    @Test
    void aGenuineExportVerifies() {
        assertThat(tenant.rootKey).isEqualTo(audit.rootKey);
        int code = run(
                "verify",
                "--export",
                export.toString(),
                "--root-key-file",
                rootKeyFile.toString(),
                "--public-key",
                publicKey);
        assertThat(code).as(stderr()).isZero();
        assertThat(stdout().lines())
                .startsWith("chain=audit ok records=300", "chain=tenant-b ok records=50")
                .hasSize(3);
        assertThat(stdout())
                .containsPattern("verified 350 records in 2 chain\\(s\\) in [0-9.]+ s \\([0-9]+ records/s\\): all ok");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void aTamperedLineFailsItsChainAtThatSeq() throws IOException {
        Path tampered = rewrite("tampered.ndjson", lines -> {
            int at = indexOf(lines, "\"chain\":\"audit\",\"seq\":123,");
            assertThat(lines.get(at)).contains("Invoke");
            lines.set(at, lines.get(at).replace("Invoke", "Revoke"));
        });
        int code = run(
                "verify",
                "--export",
                tampered.toString(),
                "--root-key-file",
                rootKeyFile.toString(),
                "--public-key",
                publicKey);
        assertThat(code).isEqualTo(1);
        assertThat(stdout())
                .contains("chain=audit FAILED at seq=123: EVENT_DIGEST_MISMATCH")
                .contains("chain=tenant-b ok records=50")
                .contains("1 chain(s) FAILED");
    }

    @Test
    void aDeletedLineIsAGapAndACutTailIsTruncation() throws IOException {
        Path deleted =
                rewrite("deleted.ndjson", lines -> lines.remove(indexOf(lines, "\"chain\":\"tenant-b\",\"seq\":7,")));
        assertThat(run("verify", "--export", deleted.toString(), "--root-key-file", rootKeyFile.toString()))
                .isEqualTo(1);
        assertThat(stdout()).contains("chain=tenant-b FAILED at seq=7: SEQUENCE_GAP");
        assertThat(stderr()).contains("warning: no --public-key");

        Path cut = rewrite(
                "cut.ndjson", lines -> lines.removeIf(l -> l.matches(".*\"chain\":\"audit\",\"seq\":29[0-9],.*")));
        out.reset();
        assertThat(run(
                        "verify",
                        "--export",
                        cut.toString(),
                        "--root-key-file",
                        rootKeyFile.toString(),
                        "--public-key",
                        publicKey))
                .isEqualTo(1);
        assertThat(stdout()).contains("chain=audit FAILED at seq=290: TRUNCATED");
    }

    @Test
    void anInsertedOrReorderedLineFailsItsChainAtThatSeq() throws IOException {
        // Inserted: a forged record at seq 150 (its MAC guessed), the genuine ones after it renumbered.
        Path inserted = rewrite("inserted.ndjson", lines -> {
            int at = indexOf(lines, "\"chain\":\"audit\",\"seq\":150,");
            for (int seq = 299; seq >= 150; seq--) {
                int i = indexOf(lines, "\"chain\":\"audit\",\"seq\":" + seq + ",");
                lines.set(i, lines.get(i).replace("\"seq\":" + seq + ",", "\"seq\":" + (seq + 1) + ","));
            }
            lines.add(
                    at,
                    lines.get(at)
                            .replace("\"seq\":151,", "\"seq\":150,")
                            .replaceFirst("\"mac\":\"[0-9a-f]{64}\"", "\"mac\":\"" + "ab".repeat(32) + "\""));
        });
        assertThat(run("verify", "--export", inserted.toString(), "--root-key-file", rootKeyFile.toString()))
                .isEqualTo(1);
        assertThat(stdout()).contains("chain=audit FAILED at seq=150: MAC_MISMATCH");

        Path reordered = rewrite("reordered.ndjson", lines -> {
            int a = indexOf(lines, "\"chain\":\"tenant-b\",\"seq\":20,");
            int b = indexOf(lines, "\"chain\":\"tenant-b\",\"seq\":21,");
            String first = lines.get(a);
            lines.set(a, lines.get(b));
            lines.set(b, first);
        });
        out.reset();
        assertThat(run("verify", "--export", reordered.toString(), "--root-key-file", rootKeyFile.toString()))
                .isEqualTo(1);
        assertThat(stdout())
                .contains("chain=tenant-b FAILED at seq=20: SEQUENCE_REPEATED_OR_REORDERED")
                .contains("chain=audit ok records=300");
    }

    @Test
    void theWrongPublicKeyFailsTheCheckpoints() {
        String other = Base64.getEncoder().encodeToString(new CheckpointSigner(new byte[32]).publicKey());
        assertThat(other).isNotEqualTo(publicKey);
        int code = run(
                "verify",
                "--export",
                export.toString(),
                "--root-key-file",
                rootKeyFile.toString(),
                "--public-key",
                other);
        assertThat(code).isEqualTo(1);
        assertThat(stdout()).contains("chain=audit FAILED at seq=299: CHECKPOINT_SIGNATURE_INVALID");
    }

    @Test
    void aMissingFileIsAnIoErrorWithoutAStackTrace() {
        int code = run(
                "verify",
                "--export",
                dir.resolve("absent.ndjson").toString(),
                "--root-key-file",
                rootKeyFile.toString());
        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("no such file").contains("absent.ndjson").doesNotContain("\tat ");
        assertThat(stdout()).isEmpty();

        assertThat(run(
                        "verify",
                        "--export",
                        export.toString(),
                        "--root-key-file",
                        dir.resolve("nokey").toString()))
                .isEqualTo(2);
    }

    @Test
    void unreadableInputsAndBadArgumentsAreUsageErrors() throws IOException {
        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).contains("usage: verify");
        assertThat(run("verify", "--export", export.toString())).isEqualTo(2);
        assertThat(run("verify", "--export", export.toString(), "--root-key-file"))
                .isEqualTo(2);
        assertThat(run(
                        "verify",
                        "--export",
                        export.toString(),
                        "--root-key-file",
                        rootKeyFile.toString(),
                        "--public-key",
                        "dG9vIHNob3J0"))
                .isEqualTo(2);
        assertThat(stderr()).contains("32-byte");
        Path notBase64 = dir.resolve("bad.key");
        Files.writeString(notBase64, "this is not base64!");
        assertThat(run("verify", "--export", export.toString(), "--root-key-file", notBase64.toString()))
                .isEqualTo(2);
        Path garbage = rewrite("garbage.ndjson", lines -> lines.set(5, "{oops"));
        assertThat(run("verify", "--export", garbage.toString(), "--root-key-file", rootKeyFile.toString()))
                .isEqualTo(2);
        assertThat(stderr()).contains("line 6").doesNotContain("\tat ");
    }

    @Test
    void helpIsNotAnError() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("usage: verify");
    }

    private int run(String... args) {
        return new VerifyCommand()
                .run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private interface Edit {
        void apply(List<String> lines);
    }

    private static Path rewrite(String name, Edit edit) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        edit.apply(lines);
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no line contains " + fragment);
    }
}
