package io.sigil.gateway.stages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.model.AuditEvent;
import io.sigil.gateway.pipeline.Credentials;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.risk.RiskClass;
import io.sigil.gateway.risk.RiskClassifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class AdmissionAuditStageTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final RiskClassifier risks =
            new RiskClassifier(Map.of("send_mail", RiskClass.WRITE, "drop_table", RiskClass.DESTRUCTIVE));
    /** Each event written, with the acknowledgement the test completes. */
    private final List<AuditEvent> published = new ArrayList<>();

    private final List<CompletableFuture<Void>> acks = new ArrayList<>();

    private CompletionStage<Void> log(AuditEvent event) {
        published.add(event);
        CompletableFuture<Void> ack = new CompletableFuture<>();
        acks.add(ack);
        return ack;
    }

    private Exchange call(String tool) {
        ObjectNode request =
                mapper.createObjectNode().put("jsonrpc", "2.0").put("id", 3).put("method", "tools/call");
        request.putObject("params").put("name", tool).putObject("arguments").put("secret", "hunter2");
        return new Exchange(request, new Credentials("s", "demo-agent-high", null, null), "2025-06-18");
    }

    private AdmissionAuditStage admission() {
        return new AdmissionAuditStage(
                this::log,
                clock,
                risks,
                EnumSet.of(RiskClass.DESTRUCTIVE, RiskClass.UNCLASSIFIED),
                EnumSet.of(RiskClass.WRITE, RiskClass.DESTRUCTIVE, RiskClass.UNCLASSIFIED));
    }

    private AuditStage outcome() {
        return new AuditStage(this::log, clock, risks, EnumSet.of(RiskClass.WRITE, RiskClass.DESTRUCTIVE));
    }

    @Test
    void aWriteAheadCallGoesUpstreamOnlyOnceItsAdmissionIsAcknowledged() {
        Exchange exchange = call("drop_table");

        CompletableFuture<StageResult> admitted = admission().apply(exchange).toCompletableFuture();

        assertThat(admitted).isNotDone();
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.activity()).isEqualTo(AdmissionAuditStage.ACTIVITY);
            assertThat(event.auditId()).isEqualTo(exchange.auditId());
            assertThat(event.attributes())
                    .containsEntry("tool", "drop_table")
                    .containsEntry("risk_class", "destructive");
            assertThat(event.toString()).doesNotContain("hunter2");
        });
        acks.get(0).complete(null);
        assertThat(admitted.join()).isEqualTo(StageResult.CONTINUE);
    }

    @Test
    void aWriteAheadCallIsRefusedWhenItsAdmissionCannotBeRecorded() {
        Exchange exchange = call("unknown_tool");
        CompletableFuture<StageResult> admitted = admission().apply(exchange).toCompletableFuture();

        acks.get(0).completeExceptionally(new IllegalStateException("broker down"));

        assertThat(admitted.join()).isInstanceOfSatisfying(StageResult.Reject.class, reject -> {
            assertThat(reject.error()).isEqualTo(JsonRpcError.AUDIT_UNAVAILABLE);
            assertThat(reject.httpStatus()).isEqualTo(503);
        });
    }

    @Test
    void anAwaitedCallIsForwardedAtOnceAndItsAnswerWaitsForTheAdmissionNotTheOutcome() {
        Exchange exchange = call("send_mail");
        assertThat(admission().apply(exchange).toCompletableFuture().join()).isEqualTo(StageResult.CONTINUE);

        CompletableFuture<StageResult> answered = outcome().apply(exchange).toCompletableFuture();

        assertThat(published).hasSize(2);
        assertThat(published.get(1).activity()).isEqualTo("tools/call");
        assertThat(answered).as("the admission record is not acknowledged yet").isNotDone();
        acks.get(0).complete(null);
        assertThat(answered.join()).isEqualTo(StageResult.CONTINUE);
        acks.get(1).completeExceptionally(new IllegalStateException("broker down"));
    }

    @Test
    void anAnswerWithAnInterceptionStillWaitsForItsOwnEvent() {
        Exchange exchange = call("send_mail");
        admission().apply(exchange).toCompletableFuture().join();
        acks.get(0).complete(null);
        exchange.interceptions()
                .add(new io.sigil.core.model.Interception("secret", null, "/params/arguments/secret", "request"));

        CompletableFuture<StageResult> answered = outcome().apply(exchange).toCompletableFuture();

        assertThat(answered).isNotDone();
        acks.get(1).complete(null);
        // ... and for its Detection Finding
        assertThat(published.get(2).classUid()).isEqualTo(io.sigil.core.model.AuditEvent.DETECTION_FINDING);
        assertThat(answered).isNotDone();
        acks.get(2).complete(null);
        assertThat(answered.join()).isEqualTo(StageResult.CONTINUE);
    }

    @Test
    void aReadOnlyCallGetsNoAdmissionRecord() {
        RiskClassifier readOnly = new RiskClassifier(Map.of("get_weather", RiskClass.READ_ONLY));
        Exchange exchange = call("get_weather");

        StageResult result = new AdmissionAuditStage(
                        this::log, clock, readOnly, EnumSet.of(RiskClass.DESTRUCTIVE), EnumSet.of(RiskClass.WRITE))
                .apply(exchange)
                .toCompletableFuture()
                .join();

        assertThat(result).isEqualTo(StageResult.CONTINUE);
        assertThat(published).isEmpty();
        assertThat(exchange.admitted()).isNull();
    }

    @Test
    void onlyToolCallsAreRecordedAtAdmission() {
        ObjectNode list =
                mapper.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/list");
        Exchange exchange = new Exchange(list, new Credentials("s", "c", null, null), "2025-06-18");

        assertThat(admission().apply(exchange).toCompletableFuture().join()).isEqualTo(StageResult.CONTINUE);

        assertThat(published).isEmpty();
        assertThat(exchange.admitted()).isNull();
    }
}
