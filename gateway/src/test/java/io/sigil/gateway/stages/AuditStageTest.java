package io.sigil.gateway.stages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sigil.core.identity.AgentStatus;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.identity.TrustAssessment;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.model.Interception;
import io.sigil.core.model.TrustLevel;
import io.sigil.core.spi.AuditLogger;
import io.sigil.gateway.audit.KeyedDigest;
import io.sigil.gateway.audit.UnawaitedAudit;
import io.sigil.gateway.config.PolicyVersion;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AuditStageTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private Exchange toolCall() {
        ObjectNode request =
                mapper.createObjectNode().put("jsonrpc", "2.0").put("id", 3).put("method", "tools/call");
        request.putObject("params")
                .put("name", "read_email")
                .putObject("arguments")
                .put("password", "hunter2");
        return new Exchange(request, new Credentials("s", "demo-agent-high", null, null), "2025-06-18");
    }

    @Test
    void recordsTheCallWithoutItsArguments() {
        // Given
        List<AuditEvent> published = new ArrayList<>();
        AuditStage stage = new AuditStage(
                event -> {
                    published.add(event);
                    return CompletableFuture.completedFuture(null);
                },
                clock);
        Exchange exchange = toolCall();

        // When
        StageResult result = stage.apply(exchange).toCompletableFuture().join();

        // Then
        assertThat(result).isEqualTo(StageResult.CONTINUE);
        AuditEvent event = published.get(0);
        assertThat(event.auditId()).isEqualTo(exchange.auditId());
        assertThat(event.classUid()).isEqualTo(AuditEvent.API_ACTIVITY);
        assertThat(event.attributes())
                .containsEntry("tool", "read_email")
                .containsEntry("client_id", "demo-agent-high");
        assertThat(event.toString()).doesNotContain("hunter2");
        assertThat(event.time()).isEqualTo(clock.instant());
    }

    @Test
    void recordsThePinnedDigestOfTheCalledTool() {
        // Given a call whose tool the pinning stage checked
        List<AuditEvent> published = new ArrayList<>();
        AuditStage stage = new AuditStage(
                event -> {
                    published.add(event);
                    return CompletableFuture.completedFuture(null);
                },
                clock);
        Exchange exchange = toolCall();
        exchange.toolDigest("sha256:abc");

        // When
        stage.apply(exchange).toCompletableFuture().join();

        // Then
        assertThat(published.get(0).attributes()).containsEntry("tool_digest", "sha256:abc");
    }

    @Test
    void recordsTheAgentAndHowItsTrustWasReached() {
        List<AuditEvent> published = new ArrayList<>();
        AuditStage stage = new AuditStage(
                event -> {
                    published.add(event);
                    return CompletableFuture.completedFuture(null);
                },
                clock);
        Exchange exchange = toolCall();
        exchange.agent(new RegisteredAgent(
                "did:sigil:demo-agent-high",
                "demo-agent-high",
                "team",
                List.of("demo"),
                TrustLevel.HIGH,
                AgentStatus.ACTIVE,
                4,
                clock.instant(),
                clock.instant()));
        exchange.trust(
                new TrustAssessment(TrustLevel.MEDIUM, TrustLevel.HIGH, TrustLevel.MEDIUM, TrustLevel.MEDIUM, 7));

        stage.apply(exchange).toCompletableFuture().join();

        assertThat(published.get(0).attributes())
                .containsEntry("agent_did", "did:sigil:demo-agent-high")
                .containsEntry(
                        "trust",
                        java.util.Map.of(
                                "person", "High", "client", "Medium", "binding", "Medium", "rules_version", 7L));
    }

    @Test
    void refusesTheCallWhenTheAuditTrailCannotRecordIt() {
        AuditStage stage = new AuditStage(
                event -> CompletableFuture.failedFuture(new IllegalStateException("broker away")), clock);

        StageResult result = stage.apply(toolCall()).toCompletableFuture().join();

        assertThat(result).isInstanceOfSatisfying(StageResult.Reject.class, r -> {
            assertThat(r.error()).isEqualTo(JsonRpcError.AUDIT_UNAVAILABLE);
            assertThat(r.httpStatus()).isEqualTo(503);
        });
    }

    @Test
    void answersAReadOnlyCallWithoutWaitingAndCountsAnEventTheBrokerThenLoses() {
        // Given a read-only tool and a broker that has not acknowledged yet
        CompletableFuture<Void> acknowledgement = new CompletableFuture<>();
        List<AuditEvent> published = new ArrayList<>();
        AuditLogger broker = event -> {
            published.add(event);
            return acknowledgement;
        };
        UnawaitedAudit unawaited = new UnawaitedAudit(broker, new SimpleMeterRegistry());
        AuditStage stage = new AuditStage(
                broker,
                clock,
                new RiskClassifier(Map.of("read_email", RiskClass.READ_ONLY)),
                AWAITED_BY_DEFAULT,
                PolicyVersion.UNVERSIONED,
                KeyedDigest.random(),
                unawaited);

        // When
        CompletableFuture<StageResult> result = stage.apply(toolCall()).toCompletableFuture();

        // Then the answer goes on, and a later failure is counted
        assertThat(result).isCompletedWithValue(StageResult.CONTINUE);
        assertThat(published.get(0).attributes()).containsEntry("risk_class", "read-only");
        assertThat(unawaited.unacknowledged("tools/call")).isZero();
        acknowledgement.completeExceptionally(new IllegalStateException("broker away"));
        assertThat(unawaited.unacknowledged("tools/call")).isEqualTo(1);
    }

    @Test
    void waitsForTheBrokerForWritingAndUnclassifiedToolsAndForAnyInterception() {
        CompletableFuture<Void> acknowledgement = new CompletableFuture<>();
        AuditStage stage = new AuditStage(
                event -> acknowledgement,
                clock,
                new RiskClassifier(Map.of("read_email", RiskClass.READ_ONLY, "send_email", RiskClass.WRITE)),
                AWAITED_BY_DEFAULT);
        Exchange intercepted = toolCall();
        intercepted.interceptions().add(new Interception("aws_access_key", "v-1", "$.arguments.key", "request"));

        CompletableFuture<StageResult> withInterception =
                stage.apply(intercepted).toCompletableFuture();
        CompletableFuture<StageResult> writing = stage.apply(call("send_email")).toCompletableFuture();
        CompletableFuture<StageResult> unclassified =
                stage.apply(call("drop_table")).toCompletableFuture();

        assertThat(withInterception).isNotDone();
        assertThat(writing).isNotDone();
        assertThat(unclassified).isNotDone();
        acknowledgement.completeExceptionally(new IllegalStateException("broker away"));
        assertThat(writing.join()).isInstanceOf(StageResult.Reject.class);
        assertThat(unclassified.join()).isInstanceOf(StageResult.Reject.class);
        assertThat(withInterception.join()).isInstanceOf(StageResult.Reject.class);
    }

    @Test
    void namesTheRuleThatLetACallThroughAndTheVersionOfTheRules() {
        List<AuditEvent> published = new ArrayList<>();
        AuditStage stage = new AuditStage(
                event -> {
                    published.add(event);
                    return CompletableFuture.completedFuture(null);
                },
                clock,
                new RiskClassifier(Map.of("send_email", RiskClass.WRITE)),
                AWAITED_BY_DEFAULT,
                new PolicyVersion("gw-0123"),
                KeyedDigest.random());

        stage.apply(call("send_email")).toCompletableFuture().join();

        assertThat(published).hasSize(1);
        assertThat(published.get(0).attributes())
                .containsEntry("policy_rule", "risk/write")
                .containsEntry("policy_version", "gw-0123");
    }

    @Test
    void recordsTheArgumentsAndTheResultOnlyAsKeyedDigests() throws Exception {
        List<AuditEvent> published = new ArrayList<>();
        KeyedDigest digests = new KeyedDigest(new byte[32]);
        AuditStage stage = new AuditStage(
                event -> {
                    published.add(event);
                    return CompletableFuture.completedFuture(null);
                },
                clock,
                new RiskClassifier(Map.of()),
                AWAITED_BY_DEFAULT,
                new PolicyVersion("gw-0123"),
                digests);
        Exchange exchange = toolCall();
        exchange.response(
                (ObjectNode) mapper.readTree("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"text\":\"inbox: 2\"}}"));

        stage.apply(exchange).toCompletableFuture().join();

        AuditEvent event = published.get(0);
        assertThat(event.attributes())
                .containsEntry(
                        "arguments_digest",
                        digests.of(mapper.readTree("{\"password\":\"hunter2\"}"))
                                .orElseThrow())
                .containsEntry(
                        "result_digest",
                        digests.of(mapper.readTree("{\"text\":\"inbox: 2\"}")).orElseThrow());
        assertThat(mapper.writeValueAsString(event)).doesNotContain("hunter2").doesNotContain("inbox: 2");
    }

    @Test
    void aDenialIsAlsoADetectionFindingNamingTheStageThatRefused() {
        // Given a call the pinning stage refused
        List<AuditEvent> published = new ArrayList<>();
        AuditStage stage = new AuditStage(
                event -> {
                    published.add(event);
                    return CompletableFuture.completedFuture(null);
                },
                clock,
                new RiskClassifier(Map.of()),
                AWAITED_BY_DEFAULT,
                new PolicyVersion("gw-0123"),
                KeyedDigest.random());
        Exchange refused = call("drop_table");
        refused.rejection(new StageResult.Reject(JsonRpcError.FORBIDDEN, "the tool changed", 403), "pinning");

        // When it is recorded
        stage.apply(refused).toCompletableFuture().join();

        // Then the API Activity and a finding share its audit id and name the rule
        assertThat(published)
                .extracting(AuditEvent::classUid)
                .containsExactly(AuditEvent.API_ACTIVITY, AuditEvent.DETECTION_FINDING);
        assertThat(published).extracting(AuditEvent::auditId).containsOnly(refused.auditId());
        AuditEvent finding = published.get(1);
        assertThat(finding.activity()).isEqualTo(AuditStage.DENIAL);
        assertThat(finding.outcome()).isEqualTo("denied");
        assertThat(finding.attributes())
                .containsEntry("policy_rule", "pinning/forbidden")
                .containsEntry("policy_version", "gw-0123")
                .containsEntry("reason", "the tool changed");
    }

    @Test
    void anInterceptedAnswerWaitsForItsFindingToo() {
        // Given a broker that acknowledges the call's event at once and its finding only later
        CompletableFuture<Void> findingAcknowledged = new CompletableFuture<>();
        List<AuditEvent> published = new ArrayList<>();
        AuditStage stage = new AuditStage(
                event -> {
                    published.add(event);
                    return event.classUid() == AuditEvent.DETECTION_FINDING
                            ? findingAcknowledged
                            : CompletableFuture.completedFuture(null);
                },
                clock,
                new RiskClassifier(Map.of("read_email", RiskClass.READ_ONLY)),
                AWAITED_BY_DEFAULT);
        Exchange intercepted = toolCall();
        intercepted.interceptions().add(new Interception("aws_access_key", "v-1", "$.result.key", "response"));

        // When
        CompletableFuture<StageResult> result = stage.apply(intercepted).toCompletableFuture();

        // Then the answer waits for the finding, which names the category, the place and the vault entry
        assertThat(result).isNotDone();
        AuditEvent finding = published.get(1);
        assertThat(finding.activity()).isEqualTo(AuditStage.INTERCEPTION);
        assertThat(finding.attributes().get("intercepted"))
                .isEqualTo(List.of(Map.of(
                        "category",
                        "aws_access_key",
                        "path",
                        "$.result.key",
                        "direction",
                        "response",
                        "vault_id",
                        "v-1")));
        findingAcknowledged.completeExceptionally(new IllegalStateException("broker away"));
        assertThat(result.join()).isInstanceOf(StageResult.Reject.class);
    }

    @Test
    void classifiesProtocolReadsAsReadOnlyAndUnknownMethodsAsUnclassified() {
        RiskClassifier classifier = new RiskClassifier(Map.of());
        ObjectNode list =
                mapper.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/list");
        ObjectNode other =
                mapper.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "sampling/createMessage");

        assertThat(classifier.classify(new Exchange(list, CALLER, "2025-06-18")))
                .isEqualTo(RiskClass.READ_ONLY);
        assertThat(classifier.classify(new Exchange(other, CALLER, "2025-06-18")))
                .isEqualTo(RiskClass.UNCLASSIFIED);
        assertThat(classifier.classify(call("anything"))).isEqualTo(RiskClass.UNCLASSIFIED);
    }

    private Exchange call(String tool) {
        ObjectNode request =
                mapper.createObjectNode().put("jsonrpc", "2.0").put("id", 4).put("method", "tools/call");
        request.putObject("params").put("name", tool).putObject("arguments");
        return new Exchange(request, CALLER, "2025-06-18");
    }

    private static final Credentials CALLER = new Credentials("s", "demo-agent-high", null, null);
    private static final Set<RiskClass> AWAITED_BY_DEFAULT =
            EnumSet.of(RiskClass.WRITE, RiskClass.DESTRUCTIVE, RiskClass.FINANCIAL, RiskClass.UNCLASSIFIED);
}
