package io.sigil.gateway.stages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.model.Interception;
import io.sigil.core.scan.ScanEngine;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.scan.ActiveScanner;
import org.junit.jupiter.api.Test;

/** Both scan stages with the built-in packs, on generated fake values (never real credentials). */
class ScanStagesTest {

    private static final String FAKE_IBAN = "DE44500105175407324931";
    private static final String POINTER_START = "[SIGIL-VAULT: ";
    private static final String POINTER_END = " \u2014 Access Required]";

    private final ObjectMapper mapper = new ObjectMapper();
    private final ActiveScanner scanner = new ActiveScanner(ScanEngine.builtIn());

    @Test
    void replacesASecretInTheArgumentsByItsPointerBeforeItIsForwarded() {
        Exchange exchange = call("{\"to\":\"bank\",\"note\":\"pay to IBAN " + FAKE_IBAN + " today\"}");

        StageResult result = new RequestScanStage(scanner)
                .apply(exchange)
                .toCompletableFuture()
                .join();

        assertThat(result).isEqualTo(StageResult.CONTINUE);
        String note =
                exchange.request().path("params").path("arguments").path("note").asText();
        assertThat(note)
                .doesNotContain(FAKE_IBAN)
                .startsWith("pay to IBAN " + POINTER_START)
                .endsWith(" today");
        assertThat(note).contains(POINTER_END);
        assertThat(exchange.request()
                        .path("params")
                        .path("arguments")
                        .path("to")
                        .asText())
                .isEqualTo("bank");
        assertThat(exchange.scanned()).isTrue();
        assertThat(exchange.interceptions()).singleElement().satisfies(interception -> {
            assertThat(interception.path()).isEqualTo("/params/arguments/note");
            assertThat(interception.direction()).isEqualTo("request");
            assertThat(interception.vaultId()).isNull();
        });
    }

    @Test
    void aProgressNotificationForTheCallerIsScannedAndMaskedBeforeItLeaves() throws Exception {
        Exchange exchange = call("{\"folder\":\"inbox\"}");
        java.util.List<ObjectNode> sent = new java.util.ArrayList<>();
        exchange.streamTo(sent::add);
        new ResponseScanStage(scanner).apply(exchange).toCompletableFuture().join();
        ObjectNode progress = (ObjectNode) mapper.readTree("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
                + "\"params\":{\"progressToken\":\"p\",\"progress\":1,\"message\":\"found " + FAKE_IBAN + "\"}}");

        exchange.notifications().accept(progress);

        assertThat(sent).singleElement().satisfies(notification -> {
            assertThat(notification.toString()).doesNotContain(FAKE_IBAN).contains(POINTER_START);
            assertThat(notification.path("params").path("progress").asInt()).isEqualTo(1);
        });
        assertThat(progress.toString())
                .as("the upstream's message is not changed")
                .contains(FAKE_IBAN);
        assertThat(exchange.interceptions()).singleElement().satisfies(interception -> {
            assertThat(interception.path()).isEqualTo("/params/message");
            assertThat(interception.direction()).isEqualTo("notification");
        });
    }

    @Test
    void aCallerWithoutAStreamGetsNoNotificationSink() {
        Exchange exchange = call("{}");
        new ResponseScanStage(scanner).apply(exchange).toCompletableFuture().join();

        assertThat(exchange.notifications()).isNull();
    }

    @Test
    void leavesCleanArgumentsAloneAndRecordsThatTheyWereScanned() {
        Exchange exchange = call("{\"city\":\"Berlin\"}");

        new RequestScanStage(scanner).apply(exchange).toCompletableFuture().join();

        assertThat(exchange.request().path("params").path("arguments").toString())
                .isEqualTo("{\"city\":\"Berlin\"}");
        assertThat(exchange.interceptions()).isEmpty();
        assertThat(exchange.scanned()).isTrue();
    }

    @Test
    void replacesASecretInTheUpstreamsAnswerAndLeavesTheOriginalAnswerUntouched() throws Exception {
        Exchange exchange = call("{\"folder\":\"inbox\"}");
        new ResponseScanStage(scanner).apply(exchange).toCompletableFuture().join();
        ObjectNode answer = (ObjectNode) mapper.readTree("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"content\":"
                + "[{\"type\":\"text\",\"text\":\"Please wire it to " + FAKE_IBAN + ".\"}]}}");

        StageResult result = exchange.answerFilters()
                .get(0)
                .filter(answer)
                .toCompletableFuture()
                .join();

        assertThat(result).isInstanceOfSatisfying(StageResult.Respond.class, respond -> {
            String text = respond.message()
                    .path("result")
                    .path("content")
                    .path(0)
                    .path("text")
                    .asText();
            assertThat(text).doesNotContain(FAKE_IBAN).contains(POINTER_START).contains(POINTER_END);
        });
        assertThat(answer.toString()).contains(FAKE_IBAN);
        assertThat(exchange.interceptions())
                .extracting(Interception::path, Interception::direction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/result/content/0/text", "response"));
    }

    @Test
    void aSwappedEngineScansTheNextRequest() {
        scanner.swap(new ScanEngine(java.util.List.of()));
        Exchange exchange = call("{\"note\":\"" + FAKE_IBAN + "\"}");

        new RequestScanStage(scanner).apply(exchange).toCompletableFuture().join();

        assertThat(exchange.interceptions()).isEmpty();
    }

    private static Exchange call(String arguments) {
        return ToolCalls.exchange(arguments);
    }
}
