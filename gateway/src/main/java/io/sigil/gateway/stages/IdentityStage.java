package io.sigil.gateway.stages;

import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.identity.TrustAssessment;
import io.sigil.core.identity.TrustRules;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.model.CallerIdentity;
import io.sigil.core.model.TrustLevel;
import io.sigil.gateway.identity.AgentDirectory;
import io.sigil.gateway.pipeline.Credentials;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Turns the verified token into the caller and its trust level. The token's client must be an active agent of
 * the registry (and so must the actor of a delegated token); trust is the trust rules' minimum over the token's
 * axes, capped by each party's registered maximum, so delegation never raises it. A tool that needs more trust
 * than the caller has is refused, with an RFC 9470 step-up challenge when only the person's assurance is short.
 */
public final class IdentityStage implements Stage {

    public static final String NAME = "identity";

    private final AgentDirectory directory;
    private final Map<String, TrustLevel> toolTrust;
    private final Clock clock;

    public IdentityStage(AgentDirectory directory, Map<String, TrustLevel> toolTrust, Clock clock) {
        this.directory = directory;
        this.toolTrust = Map.copyOf(toolTrust);
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<StageResult> apply(Exchange exchange) {
        return CompletableFuture.completedFuture(decide(exchange));
    }

    private StageResult decide(Exchange exchange) {
        Credentials credentials = exchange.credentials();
        if (blank(credentials.subject()) || blank(credentials.clientId())) {
            return StageResult.reject(JsonRpcError.UNAUTHENTICATED, "the token names no subject or client", 401);
        }
        Optional<String> unavailable = directory.unavailable();
        if (unavailable.isPresent()) {
            return StageResult.reject(JsonRpcError.IDENTITY_UNAVAILABLE, unavailable.get(), 503);
        }
        Optional<TrustRules> rules = directory.rules();
        if (rules.isEmpty()) {
            return StageResult.reject(
                    JsonRpcError.IDENTITY_UNAVAILABLE, "identity-service has not published trust rules", 503);
        }
        Optional<RegisteredAgent> agent = directory.byClient(credentials.clientId());
        Optional<StageResult> refusal = refusalFor(agent, credentials.clientId());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        TrustLevel cap = agent.get().maxTrustLevel();
        Credentials.Actor actor = credentials.actor();
        if (actor != null) {
            Optional<RegisteredAgent> acting = directory.byClient(actor.clientId());
            Optional<StageResult> actorRefusal = refusalFor(acting, actor.clientId());
            if (actorRefusal.isPresent()) {
                return actorRefusal.get();
            }
            // Delegation never adds trust: the caller holds at most what both parties hold.
            cap = cap.min(acting.get().maxTrustLevel());
        }
        TrustLevel registryCap = cap;
        TrustAssessment trust =
                rules.get().assess(credentials.facts(), clock.instant()).cappedAt(registryCap);
        exchange.agent(agent.get());
        exchange.trust(trust);
        exchange.caller(new CallerIdentity(
                subjectName(credentials), credentials.clientId(), trust.level(), credentials.roles()));
        return requirement(exchange)
                .filter(required -> !trust.level().atLeast(required))
                .map(required -> shortOf(required, trust, registryCap, rules.get()))
                .orElse(StageResult.CONTINUE);
    }

    private Optional<TrustLevel> requirement(Exchange exchange) {
        String tool = exchange.toolName();
        return "tools/call".equals(exchange.method()) && tool != null
                ? Optional.ofNullable(toolTrust.get(tool))
                : Optional.empty();
    }

    /**
     * The refusal for a caller below a tool's level. Only when every other axis already reaches it can a
     * stronger login help: then the answer is RFC 9470's {@code insufficient_user_authentication} naming the
     * {@code acr} values that would do (and a {@code max_age} when the login was only too old).
     */
    private static StageResult shortOf(
            TrustLevel required, TrustAssessment trust, TrustLevel registryCap, TrustRules rules) {
        boolean onlyPersonShort = !trust.human().atLeast(required)
                && trust.client().atLeast(required)
                && trust.binding().atLeast(required)
                && registryCap.atLeast(required);
        if (!onlyPersonShort || rules.acrValuesFor(required).isEmpty()) {
            return StageResult.reject(
                    JsonRpcError.INSUFFICIENT_TRUST,
                    "this tool needs trust level " + required.wireName() + "; the caller has "
                            + trust.level().wireName(),
                    403);
        }
        StringBuilder challenge = new StringBuilder("Bearer error=\"insufficient_user_authentication\"")
                .append(", error_description=\"this tool needs a stronger authentication\"")
                .append(", acr_values=\"")
                .append(String.join(" ", rules.acrValuesFor(required)))
                .append('"');
        if (rules.maxAuthAge(required) != null) {
            challenge.append(", max_age=").append(rules.maxAuthAge(required).toSeconds());
        }
        return new StageResult.Reject(
                JsonRpcError.INSUFFICIENT_TRUST,
                "this tool needs trust level " + required.wireName() + "; authenticate again with acr "
                        + String.join(" or ", rules.acrValuesFor(required)),
                401,
                Map.of("WWW-Authenticate", challenge.toString()));
    }

    private static Optional<StageResult> refusalFor(Optional<RegisteredAgent> agent, String clientId) {
        if (agent.isEmpty()) {
            return Optional.of(StageResult.reject(
                    JsonRpcError.FORBIDDEN, "client " + clientId + " is not a registered agent", 403));
        }
        if (!agent.get().active()) {
            return Optional.of(StageResult.reject(
                    JsonRpcError.FORBIDDEN,
                    "agent " + agent.get().did() + " is " + agent.get().status().wireName(),
                    403));
        }
        return Optional.empty();
    }

    private static String subjectName(Credentials credentials) {
        String user = credentials.claim("preferred_username");
        return Credentials.human(user) ? user : credentials.clientId();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
