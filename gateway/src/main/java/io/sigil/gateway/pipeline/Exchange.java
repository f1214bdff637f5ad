package io.sigil.gateway.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.identity.TrustAssessment;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.model.CallerIdentity;
import io.sigil.core.model.Interception;
import io.sigil.core.model.PolicyDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One JSON-RPC request on its way through the chain, and everything the stages learn about it. It is
 * confined to the request's chain and never shared between requests.
 */
public final class Exchange {

    private final ObjectNode request;
    private final Credentials credentials;
    private final TransportHeaders headers;
    private final String auditId = AuditEvent.newAuditId();
    // Notices (progress) add to it on the upstream's thread while the chain waits for the answer.
    private final List<Interception> interceptions = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> withheld = java.util.Collections.synchronizedList(new ArrayList<>());
    private CallerIdentity caller;
    private RegisteredAgent agent;
    private TrustAssessment trust;
    private PolicyDecision decision;
    private String upstream;
    private ObjectNode response;
    private StageResult.Reject rejection;
    private String rejectedBy;
    private boolean scanned;
    private String toolDigest;
    private JsonNode digestedArguments;
    private Optional<String> argumentsDigest;
    private final List<AnswerFilter> answerFilters = new ArrayList<>();
    private final List<UnaryOperator<ObjectNode>> notificationFilters = new ArrayList<>();
    private volatile Consumer<ObjectNode> notificationSink;
    private CompletionStage<Void> admitted;

    public Exchange(ObjectNode request, Credentials credentials, TransportHeaders headers) {
        this.request = Objects.requireNonNull(request, "request");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.headers = Objects.requireNonNull(headers, "headers");
    }

    /** An exchange whose transport sent only a protocol revision (tests, stdio). */
    public Exchange(ObjectNode request, Credentials credentials, String protocolVersion) {
        this(request, credentials, new TransportHeaders(protocolVersion, null, null));
    }

    public ObjectNode request() {
        return request;
    }

    public JsonNode id() {
        return request.get("id");
    }

    public String method() {
        return request.path("method").asText(null);
    }

    /** The tool name of a {@code tools/call}, else null. */
    public String toolName() {
        return request.path("params").path("name").asText(null);
    }

    public Credentials credentials() {
        return credentials;
    }

    public String protocolVersion() {
        return headers.protocolVersion();
    }

    public TransportHeaders headers() {
        return headers;
    }

    public String auditId() {
        return auditId;
    }

    public CallerIdentity caller() {
        return caller;
    }

    public void caller(CallerIdentity caller) {
        this.caller = caller;
    }

    /** The registry's record of the calling agent, once the identity stage has found it. */
    public RegisteredAgent agent() {
        return agent;
    }

    public void agent(RegisteredAgent agent) {
        this.agent = agent;
    }

    /** How the caller's trust level was reached, once the identity stage has assessed it. */
    public TrustAssessment trust() {
        return trust;
    }

    public void trust(TrustAssessment trust) {
        this.trust = trust;
    }

    public PolicyDecision decision() {
        return decision;
    }

    public void decision(PolicyDecision decision) {
        this.decision = decision;
    }

    public String upstream() {
        return upstream;
    }

    public void upstream(String upstream) {
        this.upstream = upstream;
    }

    public ObjectNode response() {
        return response;
    }

    public void response(ObjectNode response) {
        this.response = response;
    }

    public StageResult.Reject rejection() {
        return rejection;
    }

    /** The stage that refused the exchange; null when none did. */
    public String rejectedBy() {
        return rejectedBy;
    }

    public void rejection(StageResult.Reject rejection, String stage) {
        this.rejection = rejection;
        this.rejectedBy = stage;
    }

    public boolean scanned() {
        return scanned;
    }

    public void scanned(boolean scanned) {
        this.scanned = scanned;
    }

    /** The pinned digest of the called tool's definition, once the pinning stage has checked it. */
    public String toolDigest() {
        return toolDigest;
    }

    public void toolDigest(String toolDigest) {
        this.toolDigest = toolDigest;
    }

    /**
     * The keyed digest of the forwarded arguments, computed once: the admission event and the outcome event both
     * carry it. A different arguments node (the request replaced in between) is digested afresh.
     */
    public Optional<String> argumentsDigest(JsonNode arguments, Function<JsonNode, Optional<String>> digest) {
        if (digestedArguments != arguments) {
            argumentsDigest = digest.apply(arguments);
            digestedArguments = arguments;
        }
        return argumentsDigest;
    }

    /** Asks to see the upstream's answer before it leaves; filters run in the order they were added. */
    public void onAnswer(AnswerFilter filter) {
        answerFilters.add(Objects.requireNonNull(filter, "filter"));
    }

    public List<AnswerFilter> answerFilters() {
        return List.copyOf(answerFilters);
    }

    /** The broker's acknowledgement of the call's admission record, or {@code null} when none was written. */
    public CompletionStage<Void> admitted() {
        return admitted;
    }

    public void admitted(CompletionStage<Void> admitted) {
        this.admitted = admitted;
    }

    /** The transport can send the caller messages before the answer (an SSE stream): they go to {@code sink}. */
    public void streamTo(Consumer<ObjectNode> sink) {
        this.notificationSink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Asks to see each notification for the caller before it leaves (filters run in the order they were added);
     * a filter answers the notification as it should go on, or {@code null} to withhold it.
     */
    public void onNotification(UnaryOperator<ObjectNode> filter) {
        notificationFilters.add(Objects.requireNonNull(filter, "filter"));
    }

    /** Where notifications for the caller go through the filters, or {@code null} when the caller cannot get any. */
    public Consumer<ObjectNode> notifications() {
        return notificationSink == null ? null : this::notifyCaller;
    }

    private void notifyCaller(ObjectNode notification) {
        ObjectNode current = notification;
        for (UnaryOperator<ObjectNode> filter : notificationFilters) {
            current = filter.apply(current);
            if (current == null) {
                return;
            }
        }
        notificationSink.accept(current);
    }

    public List<Interception> interceptions() {
        return interceptions;
    }

    /** Records that a notification for the caller was kept back, and why, so the call's audit event says so. */
    public void withheld(String reason) {
        withheld.add(Objects.requireNonNull(reason, "reason"));
    }

    /** Why each notification kept back from the caller was, in order. */
    public List<String> withheld() {
        synchronized (withheld) {
            return List.copyOf(withheld);
        }
    }

    /** {@code success}, {@code denied} for a refusal by policy or identity, {@code failure} otherwise. */
    public String outcome() {
        if (rejection == null) {
            return response != null && response.has("error") ? "failure" : "success";
        }
        return switch (rejection.error()) {
            case FORBIDDEN, UNAUTHENTICATED -> "denied";
            default -> "failure";
        };
    }
}
