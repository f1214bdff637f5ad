package io.sigil.gateway.stages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.model.Interception;
import io.sigil.core.model.VaultEntry;
import io.sigil.core.scan.ScanEngine;
import io.sigil.core.spi.VaultProvider.VaultException;
import io.sigil.core.vault.EntryOpener;
import io.sigil.core.vault.EntrySealer;
import io.sigil.core.vault.X25519Keys;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.scan.ActiveScanner;
import io.sigil.gateway.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * The scan stages with a vault: every pointer's text is sealed, named by the interception's vault id, and the call
 * or answer waits for the entries to be written, or is refused. The writer is a fake; the sealing is the real one.
 */
class VaultingScanStagesTest {

    private static final String FAKE_IBAN = "DE44500105175407324931";
    private static final String FAKE_AWS = "AKIAQ3EGRSLN5YJZ7K2P";

    private final ObjectMapper mapper = new ObjectMapper();
    private final ActiveScanner scanner = new ActiveScanner(ScanEngine.builtIn());
    private final KeyPair keys = X25519Keys.generate();
    private final EntryOpener opener = new EntryOpener(Map.of(2, X25519Keys.raw(keys.getPrivate())));
    private final List<VaultEntry> written = new ArrayList<>();
    private CompletableFuture<Void> broker = CompletableFuture.completedFuture(null);
    private final Vault vault = new Vault(
            new EntrySealer(X25519Keys.raw(keys.getPublic()), 2),
            "acme",
            Clock.fixed(Instant.parse("2026-11-24T21:00:00Z"), ZoneOffset.UTC),
            this::write,
            262_144);

    @Test
    void sealsWhatEachPointerStandsForAndNamesItsEntry() throws VaultException {
        // Given
        Exchange exchange = call("{\"note\":\"pay " + FAKE_IBAN + "\",\"keys\":[\"id " + FAKE_AWS + "\"]}");

        // When
        StageResult result = new RequestScanStage(scanner, vault)
                .apply(exchange)
                .toCompletableFuture()
                .join();

        // Then
        assertThat(result).isEqualTo(StageResult.CONTINUE);
        assertThat(exchange.request().toString()).doesNotContain(FAKE_IBAN).doesNotContain(FAKE_AWS);
        assertThat(written).hasSize(2);
        assertThat(exchange.interceptions()).hasSize(2);
        List<String> opened = new ArrayList<>();
        for (Interception interception : exchange.interceptions()) {
            VaultEntry entry = entry(interception.vaultId());
            assertThat(UUID.fromString(entry.id()).version()).isEqualTo(4);
            assertThat(entry.tenant()).isEqualTo("acme");
            assertThat(entry.keyVersion()).isEqualTo(2);
            assertThat(entry.tags()).containsExactly(interception.category(), "request");
            assertThat(entry.description())
                    .isEqualTo(interception.category() + " at " + interception.path() + " (request)");
            opened.add(new String(opener.open(entry.id(), "acme", 2, entry.ciphertext()), StandardCharsets.UTF_8));
        }
        assertThat(opened).containsExactlyInAnyOrder(FAKE_IBAN, FAKE_AWS);
        assertThat(written.toString()).doesNotContain(FAKE_IBAN).doesNotContain(FAKE_AWS);
    }

    @Test
    void memberNamesThatHoldFindingsAreMaskedSealedAndNeverNamedInAPath() throws Exception {
        // Given an answer keyed by account: two IBAN keys, one of them holding an access key as its value
        Exchange exchange = call("{\"folder\":\"inbox\"}");
        new ResponseScanStage(scanner, vault)
                .apply(exchange)
                .toCompletableFuture()
                .join();
        String other = "FR1420041010050500013M02606";
        ObjectNode answer = (ObjectNode) mapper.readTree("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"balances\":{"
                + "\"" + FAKE_IBAN + "\":{\"eur\":10,\"key\":\"" + FAKE_AWS + "\"},\"" + other + "\":{\"eur\":20},"
                + "\"total\":30}}}");

        // When it is scanned
        StageResult result = exchange.answerFilters()
                .get(0)
                .filter(answer)
                .toCompletableFuture()
                .join();

        // Then the names are pointers (the second made unique), the values and their order are kept
        ObjectNode out = (ObjectNode) ((StageResult.Respond) result).message();
        JsonNode balances = out.path("result").path("balances");
        String pointer = "[SIGIL-VAULT: IBAN \u2014 Access Required]";
        assertThat(java.util.stream.StreamSupport.stream(((Iterable<String>) balances::fieldNames).spliterator(), false)
                        .toList())
                .containsExactly(pointer, pointer + " #2", "total");
        assertThat(balances.path(pointer).path("eur").asInt()).isEqualTo(10);
        assertThat(balances.path(pointer + " #2").path("eur").asInt()).isEqualTo(20);
        assertThat(out.toString())
                .doesNotContain(FAKE_IBAN)
                .doesNotContain(other)
                .doesNotContain(FAKE_AWS);

        // And every interception names a path in what left, free of what was masked, with an entry that opens
        assertThat(exchange.interceptions())
                .extracting(Interception::path)
                .containsExactlyInAnyOrder(
                        "/result/balances/" + pointer,
                        "/result/balances/" + pointer + " #2",
                        "/result/balances/" + pointer + "/key");
        List<String> opened = new ArrayList<>();
        for (Interception interception : exchange.interceptions()) {
            VaultEntry entry = entry(interception.vaultId());
            opened.add(new String(opener.open(entry.id(), "acme", 2, entry.ciphertext()), StandardCharsets.UTF_8));
        }
        assertThat(opened).containsExactlyInAnyOrder(FAKE_IBAN, other, FAKE_AWS);
        assertThat(answer.toString()).as("the upstream's answer is not changed").contains(FAKE_IBAN);
    }

    @Test
    void anAnswerWithNothingInItsNamesOrValuesIsPassedAsItIs() throws Exception {
        Exchange exchange = call("{\"folder\":\"inbox\"}");
        new ResponseScanStage(scanner, vault)
                .apply(exchange)
                .toCompletableFuture()
                .join();
        ObjectNode answer =
                (ObjectNode) mapper.readTree("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"a\":{\"b\":[{\"c\":1}]}}}");

        StageResult result = exchange.answerFilters()
                .get(0)
                .filter(answer)
                .toCompletableFuture()
                .join();

        assertThat(((StageResult.Respond) result).message()).isSameAs(answer);
        assertThat(exchange.interceptions()).isEmpty();
    }

    @Test
    void aCallWhoseFindingsCannotBeVaultedIsRefusedBeforeItIsForwarded() {
        // Given a broker that refuses
        broker = CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("away"));
        Exchange exchange = call("{\"note\":\"pay " + FAKE_IBAN + "\"}");

        // When
        StageResult result = new RequestScanStage(scanner, vault)
                .apply(exchange)
                .toCompletableFuture()
                .join();

        // Then
        assertThat(result).isInstanceOfSatisfying(StageResult.Reject.class, reject -> {
            assertThat(reject.error()).isEqualTo(JsonRpcError.VAULT_UNAVAILABLE);
            assertThat(reject.httpStatus()).isEqualTo(503);
            assertThat(reject.detail()).doesNotContain(FAKE_IBAN);
        });
    }

    @Test
    void anAnswerWaitsForItsEntriesAndIsRefusedWithoutThem() throws Exception {
        // Given
        Exchange exchange = call("{\"folder\":\"inbox\"}");
        new ResponseScanStage(scanner, vault)
                .apply(exchange)
                .toCompletableFuture()
                .join();
        ObjectNode answer = (ObjectNode) mapper.readTree("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"content\":"
                + "[{\"type\":\"text\",\"text\":\"wire it to " + FAKE_IBAN + "\"}]}}");
        broker = new CompletableFuture<>();

        // When
        CompletableFuture<StageResult> pending =
                exchange.answerFilters().get(0).filter(answer).toCompletableFuture();

        // Then it waits for the broker
        assertThat(pending).isNotDone();
        broker.complete(null);
        assertThat(pending.join()).isInstanceOf(StageResult.Respond.class);
        assertThat(exchange.interceptions()).singleElement().satisfies(interception -> {
            assertThat(interception.direction()).isEqualTo("response");
            assertThat(opener.open(
                            interception.vaultId(),
                            "acme",
                            2,
                            entry(interception.vaultId()).ciphertext()))
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo(FAKE_IBAN);
        });

        // And a second answer, with the broker away, is refused
        broker = CompletableFuture.failedFuture(new IllegalStateException("closed"));
        StageResult refused = exchange.answerFilters()
                .get(0)
                .filter(answer)
                .toCompletableFuture()
                .join();
        assertThat(refused).isInstanceOfSatisfying(StageResult.Reject.class, reject -> assertThat(reject.error())
                .isEqualTo(JsonRpcError.VAULT_UNAVAILABLE));
    }

    @Test
    void aNotificationWithFindingsLeavesOnlyOnceItsEntriesAreWrittenAndIsWithheldOtherwise() throws Exception {
        // Given a caller with a stream
        List<ObjectNode> sent = new ArrayList<>();
        Exchange exchange = streamedCall(sent);
        ObjectNode progress = (ObjectNode) mapper.readTree("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
                + "\"params\":{\"progressToken\":\"p\",\"progress\":1,\"message\":\"found " + FAKE_IBAN + "\"}}");

        // When the broker acknowledges, then it leaves, masked, with its entry written
        exchange.notifications().accept(progress);
        assertThat(sent).singleElement().satisfies(n -> assertThat(n.toString()).doesNotContain(FAKE_IBAN));
        assertThat(written).hasSize(1);
        assertThat(exchange.withheld()).isEmpty();

        // When the broker refuses, then it is withheld, and the call's audit event says so without its text
        broker = CompletableFuture.failedFuture(new IllegalStateException("closed"));
        exchange.notifications().accept(progress);
        assertThat(sent).hasSize(1);
        assertThat(exchange.withheld()).containsExactly(ResponseScanStage.WITHHELD_VAULT_UNAVAILABLE);
        AuditEvent event =
                new AuditStage(ignored -> CompletableFuture.completedFuture(null), Clock.systemUTC()).eventOf(exchange);
        assertThat(event.attributes())
                .containsEntry("notifications_withheld", List.of(ResponseScanStage.WITHHELD_VAULT_UNAVAILABLE));
        assertThat(event.toString()).doesNotContain(FAKE_IBAN);
    }

    @Test
    void aNotificationTheScannerCannotWalkIsWithheldAndRecorded() throws Exception {
        // Given a caller with a stream, and a notification whose params nest deeper than the scanner walks
        List<ObjectNode> sent = new ArrayList<>();
        Exchange exchange = streamedCall(sent);
        String deep = "[".repeat(400) + "]".repeat(400);
        ObjectNode progress = (ObjectNode) mapper.readTree(
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"deep\":" + deep + "}}");

        // When it reaches the gateway
        exchange.notifications().accept(progress);

        // Then the caller never sees it, and the exchange records why
        assertThat(sent).isEmpty();
        assertThat(exchange.withheld()).containsExactly(ResponseScanStage.WITHHELD_UNSCANNABLE);
    }

    /** A call whose caller takes a stream (into {@code sent}), with the response scan registered on it. */
    private Exchange streamedCall(List<ObjectNode> sent) {
        Exchange exchange = call("{\"folder\":\"inbox\"}");
        exchange.streamTo(sent::add);
        new ResponseScanStage(scanner, vault)
                .apply(exchange)
                .toCompletableFuture()
                .join();
        return exchange;
    }

    @Test
    void aFindingLargerThanAnEntryMayBeIsRefusedNotDropped() {
        // Given a vault whose entries hold at most 16 bytes
        Vault small = new Vault(
                new EntrySealer(X25519Keys.raw(keys.getPublic()), 2), "acme", Clock.systemUTC(), this::write, 16);
        Exchange exchange = call("{\"note\":\"pay " + FAKE_IBAN + "\"}");

        // When a 22-byte IBAN is found
        StageResult result = new RequestScanStage(scanner, small)
                .apply(exchange)
                .toCompletableFuture()
                .join();

        // Then the call is refused, and says why without the value
        assertThat(result).isInstanceOfSatisfying(StageResult.Reject.class, reject -> {
            assertThat(reject.error()).isEqualTo(JsonRpcError.VAULT_UNAVAILABLE);
            assertThat(reject.detail())
                    .contains("22 bytes")
                    .contains("max-entry-bytes=16")
                    .doesNotContain(FAKE_IBAN);
        });
        assertThat(written).isEmpty();
    }

    @Test
    void aCleanAnswerWritesNothing() throws Exception {
        Exchange exchange = call("{\"folder\":\"inbox\"}");
        new ResponseScanStage(scanner, vault)
                .apply(exchange)
                .toCompletableFuture()
                .join();
        broker = new CompletableFuture<>();

        StageResult result = exchange.answerFilters()
                .get(0)
                .filter((ObjectNode) mapper.readTree("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"ok\":true}}"))
                .toCompletableFuture()
                .join();

        assertThat(result).isInstanceOf(StageResult.Respond.class);
        assertThat(written).isEmpty();
    }

    private CompletionStage<Void> write(List<VaultEntry> entries) {
        written.addAll(entries);
        return broker;
    }

    private VaultEntry entry(String id) {
        return written.stream()
                .filter(entry -> entry.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry was written with id " + id));
    }

    private static Exchange call(String arguments) {
        return ToolCalls.exchange(arguments);
    }
}
