package io.sigil.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigil.devstack.DevStackClient;
import io.sigil.devstack.StackProfile;
import io.sigil.devstack.StackState;
import io.sigil.ledger.cli.VerifyCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sealed store is tamper-evident: each of the five tamperings done straight in PostgreSQL — a modified,
 * an inserted, a deleted, a reordered record, and a truncated chain — is reported by the verifier (REST and
 * offline CLI) at the first bad sequence number; the untouched store verifies.
 */
class AuditTamperIT {

    private static final String CHAIN_SUFFIX = "-0";
    private static final int EVENTS = 240;

    @TempDir
    static Path dir;

    private static PrivateAuditStore store;
    private static String chain;

    @BeforeAll
    static void sealSomeEvents() throws Exception {
        StackState stack = DevStackClient.ensureRunning(StackProfile.TEST);
        store = new PrivateAuditStore(dir, stack, stack.kafkaBootstrap(), 2);
        store.startService();
        for (int i = 0; i < EVENTS; i++) {
            store.send("client:tamper-test", i);
        }
        chain = store.topic() + CHAIN_SUFFIX;
        await().atMost(Duration.ofSeconds(60)).until(() -> store.sealed() == EVENTS);
        // Every record is under a checkpoint before the tampering starts.
        await().atMost(Duration.ofSeconds(30)).until(() -> checkpointedSize() == EVENTS);
        store.execute(
                "create table pristine_record as select * from audit_record",
                "create table pristine_chain as select * from audit_chain");
    }

    @AfterAll
    static void stop() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    private static long checkpointedSize() throws Exception {
        long total = 0;
        for (JsonNode checkpoint : store.get("/api/audit/ledger/checkpoints")) {
            total += checkpoint.path("tree_size").asLong();
        }
        return total;
    }

    @Test
    void theUntouchedStoreVerifiesOnlineAndOffline() throws Exception {
        JsonNode report = store.get("/api/audit/ledger/verify");
        assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("chains")).hasSize(2);
        long checked = 0;
        for (JsonNode c : report.path("chains")) {
            checked += c.path("records_checked").asLong();
        }
        assertThat(checked).isEqualTo(EVENTS);

        Path export = store.download("/api/audit/ledger/export", dir.resolve("good.ndjson"));
        assertThat(offline(export)).isZero();
    }

    @Test
    void aModifiedEventIsFound() throws Exception {
        tamper(
                "update audit_record set event = replace(event, 'tools/call', 'tools/list')" + " where chain = '"
                        + chain + "' and seq = 10",
                "EVENT_DIGEST_MISMATCH",
                10);
        // Even with its digest re-computed, the seal gives it away: the key is not in the database.
        tamper(
                "update audit_record set event = replace(event, 'tools/call', 'tools/list')" + " where chain = '"
                        + chain + "' and seq = 12",
                "update audit_record set event_sha256 = sha256(convert_to(event, 'UTF8'))" + " where chain = '" + chain
                        + "' and seq = 12",
                "MAC_MISMATCH",
                12);
    }

    @Test
    void anInsertedRecordIsFound() throws Exception {
        tamper(
                "update audit_record set seq = seq + 1000000 where chain = '" + chain + "' and seq >= 20",
                "update audit_record set seq = seq - 1000000 + 1 where chain = '" + chain + "' and seq >= 1000000",
                "insert into audit_record (chain, seq, kafka_offset, epoch, sealed_at, event, event_sha256,"
                        + " prev_mac, mac, well_formed) select chain, 20, 999999, epoch, sealed_at,"
                        + " '{\"audit_id\":\"forged\"}', sha256(convert_to('{\"audit_id\":\"forged\"}', 'UTF8')),"
                        + " mac, sha256(mac), true from audit_record where chain = '" + chain + "' and seq = 19",
                "MAC_MISMATCH",
                20);
    }

    @Test
    void aDeletedRecordIsFound() throws Exception {
        tamper("delete from audit_record where chain = '" + chain + "' and seq = 30", "SEQUENCE_GAP", 30);
    }

    @Test
    void reorderedRecordsAreFound() throws Exception {
        tamper(
                "update audit_record set seq = -1 where chain = '" + chain + "' and seq = 40",
                "update audit_record set seq = 40 where chain = '" + chain + "' and seq = 41",
                "update audit_record set seq = 41 where chain = '" + chain + "' and seq = -1",
                "PREV_MAC_MISMATCH",
                40);
    }

    @Test
    void aTruncatedChainIsFound() throws Exception {
        long size = store.count("select count(*) from audit_record where chain = '" + chain + "'");
        long keep = size - 5;
        tamper(
                "delete from audit_record where chain = '" + chain + "' and seq >= " + keep,
                "update audit_chain set head_seq = " + (keep - 1) + ", head_mac = (select mac from audit_record"
                        + " where chain = '" + chain + "' and seq = " + (keep - 1) + ") where chain = '" + chain
                        + "'",
                "TRUNCATED",
                keep);
    }

    @Test
    void withTheRootKeyHeldOfflineTheServiceStillSealsAndItsVerifierSaysTheMacsWereNotChecked() throws Exception {
        // Given the service restarted without its root key (held offline), resuming from its stored epoch key
        store.killService();
        try {
            store.startService(Map.of("sigil.audit.chain.root-key-offline", "true"));

            // When its verifier runs
            JsonNode report = store.get("/api/audit/ledger/verify");

            // Then the chains verify, each report saying the MACs were not recomputed
            assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
            for (JsonNode c : report.path("chains")) {
                assertThat(c.path("macs_verified").asBoolean()).as(c.toString()).isFalse();
                assertThat(c.path("detail").asText()).contains("root key is held offline");
            }
        } finally {
            store.killService();
            store.startService(Map.of());
        }
        // And with the root key back, the MACs are verified again
        for (JsonNode c : store.get("/api/audit/ledger/verify").path("chains")) {
            assertThat(c.path("macs_verified").asBoolean()).isTrue();
        }
    }

    /** Applies the statements, expects the verifiers to report the failure at the sequence number, restores. */
    private static void tamper(Object... statementsThenFailureThenSeq) throws Exception {
        int n = statementsThenFailureThenSeq.length;
        String[] statements = new String[n - 2];
        for (int i = 0; i < n - 2; i++) {
            statements[i] = (String) statementsThenFailureThenSeq[i];
        }
        String failure = (String) statementsThenFailureThenSeq[n - 2];
        long seq = ((Number) statementsThenFailureThenSeq[n - 1]).longValue();
        store.execute(statements);
        try {
            JsonNode report = store.get("/api/audit/ledger/verify/" + chain);
            assertThat(report.path("ok").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.path("failure").asText()).as(report.toString()).isEqualTo(failure);
            assertThat(report.path("first_bad_seq").asLong())
                    .as(report.toString())
                    .isEqualTo(seq);
            assertThat(store.get("/api/audit/ledger/verify").path("ok").asBoolean())
                    .isFalse();

            Path export = store.download("/api/audit/ledger/export", dir.resolve(failure + seq + ".ndjson"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(offline(export, out)).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("seq=" + seq)
                    .contains(failure);
        } finally {
            store.execute(
                    "delete from audit_record",
                    "insert into audit_record select * from pristine_record",
                    "update audit_chain c set head_seq = p.head_seq, head_mac = p.head_mac, next_offset ="
                            + " p.next_offset from pristine_chain p where c.chain = p.chain");
        }
        assertThat(store.get("/api/audit/ledger/verify").path("ok").asBoolean()).isTrue();
    }

    private static int offline(Path export) throws Exception {
        return offline(export, new ByteArrayOutputStream());
    }

    /** The offline verifier, given the root key as a SOC would hold it (here: the development key). */
    private static int offline(Path export, ByteArrayOutputStream out) throws Exception {
        byte[] devRoot = MessageDigest.getInstance("SHA-256")
                .digest("sigil-mesh development audit root key".getBytes(StandardCharsets.UTF_8));
        Path keyFile =
                Files.writeString(dir.resolve("root.key"), Base64.getEncoder().encodeToString(devRoot));
        JsonNode jwk = store.get("/api/audit/ledger/public-key");
        String publicKey = Base64.getEncoder()
                .encodeToString(Base64.getUrlDecoder().decode(jwk.path("x").asText()));
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new VerifyCommand()
                .run(
                        List.of(
                                        "verify",
                                        "--export",
                                        export.toString(),
                                        "--root-key-file",
                                        keyFile.toString(),
                                        "--public-key",
                                        publicKey)
                                .toArray(String[]::new),
                        print,
                        print);
    }
}
