package io.sigil.gateway.stages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.identity.AgentStatus;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.identity.TokenBinding;
import io.sigil.core.identity.TokenFacts;
import io.sigil.core.identity.TrustRules;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.model.TrustLevel;
import io.sigil.gateway.identity.AgentDirectory;
import io.sigil.gateway.pipeline.Credentials;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.StageResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityStageTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeDirectory directory = new FakeDirectory();
    private final IdentityStage stage = new IdentityStage(
            directory,
            Map.of("transfer_funds", TrustLevel.HIGH, "read_email", TrustLevel.MEDIUM),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anActiveAgentGetsTheMinimumOfItsAxesCappedByTheRegistry() {
        directory.register("agent-1", TrustLevel.MEDIUM, AgentStatus.ACTIVE);
        Exchange exchange = exchange("ping", null, service("agent-1", "private_key_jwt", TokenBinding.DPOP));

        assertThat(run(exchange)).isEqualTo(StageResult.CONTINUE);
        // Client and binding reach High, the registry allows at most Medium.
        assertThat(exchange.caller().trustLevel()).isEqualTo(TrustLevel.MEDIUM);
        assertThat(exchange.caller().displayName()).isEqualTo("client:agent-1");
    }

    @Test
    void unknownSuspendedAndRevokedClientsAreRefusedEvenWithAValidToken() {
        assertRefused(
                exchange("ping", null, service("nobody", "client_secret", TokenBinding.BEARER)),
                403,
                "not a registered agent");
        directory.register("paused", TrustLevel.HIGH, AgentStatus.SUSPENDED);
        assertRefused(
                exchange("ping", null, service("paused", "client_secret", TokenBinding.BEARER)), 403, "is suspended");
        directory.register("gone", TrustLevel.HIGH, AgentStatus.REVOKED);
        assertRefused(exchange("ping", null, service("gone", "client_secret", TokenBinding.BEARER)), 403, "is revoked");
    }

    @Test
    void anUnavailableRegistryOrMissingRulesFailClosed() {
        directory.register("agent-1", TrustLevel.HIGH, AgentStatus.ACTIVE);
        directory.unavailable = Optional.of("the identity registry is still loading");
        StageResult.Reject loading = assertRefused(
                exchange("ping", null, service("agent-1", "client_secret", TokenBinding.BEARER)), 503, "still loading");
        assertThat(loading.error()).isEqualTo(JsonRpcError.IDENTITY_UNAVAILABLE);
        directory.unavailable = Optional.empty();
        directory.rules = null;
        assertRefused(
                exchange("ping", null, service("agent-1", "client_secret", TokenBinding.BEARER)), 503, "trust rules");
    }

    @Test
    void aDelegatedCallHoldsNoMoreThanEitherParty() {
        directory.register("user-app", TrustLevel.HIGH, AgentStatus.ACTIVE);
        directory.register("helper-agent", TrustLevel.LOW, AgentStatus.ACTIVE);
        Credentials delegated = new Credentials(
                "carol-id",
                "user-app",
                Set.of("agent"),
                Map.of("preferred_username", "carol"),
                new TokenFacts(true, "high", List.of(), NOW, "private_key_jwt", TokenBinding.DPOP),
                new Credentials.Actor("helper-sub", "helper-agent"));
        Exchange exchange = exchange("ping", null, delegated);

        assertThat(run(exchange)).isEqualTo(StageResult.CONTINUE);
        assertThat(exchange.caller().trustLevel()).isEqualTo(TrustLevel.LOW);

        // An actor the registry does not know, or no longer trusts, stops the call.
        directory.register("helper-agent", TrustLevel.LOW, AgentStatus.SUSPENDED);
        assertRefused(exchange("ping", null, delegated), 403, "is suspended");
    }

    @Test
    void aToolAboveThePersonsAssuranceAsksForAStepUp() {
        directory.register("console", TrustLevel.HIGH, AgentStatus.ACTIVE);
        Exchange exchange = exchange(
                "tools/call", "transfer_funds", person("console", "substantial", "private_key_jwt", TokenBinding.DPOP));

        StageResult.Reject refused = assertRefused(exchange, 401, "authenticate again");
        assertThat(refused.error()).isEqualTo(JsonRpcError.INSUFFICIENT_TRUST);
        assertThat(refused.headers().get("WWW-Authenticate"))
                .startsWith("Bearer error=\"insufficient_user_authentication\"")
                .contains("acr_values=\"high http://eidas.europa.eu/LoA/high\"");
        assertThat(exchange.caller().trustLevel()).isEqualTo(TrustLevel.MEDIUM);

        // At the level the tool needs, it passes.
        assertThat(run(exchange(
                        "tools/call",
                        "read_email",
                        person("console", "substantial", "private_key_jwt", TokenBinding.DPOP))))
                .isEqualTo(StageResult.CONTINUE);
    }

    @Test
    void whenAStrongerLoginCannotHelpTheRefusalIsPlain() {
        // The client's weak authentication caps trust at Medium whatever the person does.
        directory.register("web", TrustLevel.HIGH, AgentStatus.ACTIVE);
        StageResult.Reject secretClient = assertRefused(
                exchange(
                        "tools/call",
                        "transfer_funds",
                        person("web", "substantial", "client_secret", TokenBinding.DPOP)),
                403,
                "needs trust level High");
        assertThat(secretClient.headers()).isEmpty();
        // The registry's maximum caps it too.
        directory.register("capped", TrustLevel.MEDIUM, AgentStatus.ACTIVE);
        assertRefused(
                exchange(
                        "tools/call",
                        "transfer_funds",
                        person("capped", "substantial", "private_key_jwt", TokenBinding.DPOP)),
                403,
                "needs trust level High");
        // And a service account has no login to step up.
        directory.register("robot", TrustLevel.MEDIUM, AgentStatus.ACTIVE);
        assertRefused(
                exchange("tools/call", "transfer_funds", service("robot", "private_key_jwt", TokenBinding.DPOP)),
                403,
                "the caller has Medium");
    }

    @Test
    void aTokenWithoutSubjectOrClientIsUnauthenticated() {
        assertRefused(exchange("ping", null, new Credentials(null, "agent-1", Set.of(), Map.of())), 401, "no subject");
    }

    private StageResult.Reject assertRefused(Exchange exchange, int status, String detail) {
        StageResult result = run(exchange);
        assertThat(result).isInstanceOf(StageResult.Reject.class);
        StageResult.Reject reject = (StageResult.Reject) result;
        assertThat(reject.httpStatus()).isEqualTo(status);
        assertThat(reject.detail()).contains(detail);
        return reject;
    }

    private StageResult run(Exchange exchange) {
        return stage.apply(exchange).toCompletableFuture().join();
    }

    private static Credentials service(String clientId, String clientAuth, TokenBinding binding) {
        return new Credentials(
                "sub-" + clientId,
                clientId,
                Set.of("agent"),
                Map.of("preferred_username", "service-account-" + clientId),
                new TokenFacts(false, null, List.of(), null, clientAuth, binding),
                null);
    }

    private static Credentials person(String clientId, String acr, String clientAuth, TokenBinding binding) {
        return new Credentials(
                "sub-person",
                clientId,
                Set.of("agent"),
                Map.of("preferred_username", "bob"),
                new TokenFacts(true, acr, List.of(), NOW, clientAuth, binding),
                null);
    }

    private static Exchange exchange(String method, String tool, Credentials credentials) {
        ObjectNode request =
                JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        if (tool != null) {
            request.putObject("params").put("name", tool).putObject("arguments");
        }
        return new Exchange(request, credentials, "2025-11-25");
    }

    /** A registry held in memory. */
    private static final class FakeDirectory implements AgentDirectory {
        private final Map<String, RegisteredAgent> agents = new HashMap<>();
        private Optional<String> unavailable = Optional.empty();
        private TrustRules rules = TrustRules.defaults();

        void register(String clientId, TrustLevel max, AgentStatus status) {
            agents.put(
                    clientId,
                    new RegisteredAgent(
                            "did:sigil:" + clientId, clientId, "team", List.of("demo"), max, status, 1, NOW, NOW));
        }

        @Override
        public Optional<RegisteredAgent> byClient(String clientId) {
            return Optional.ofNullable(agents.get(clientId));
        }

        @Override
        public Optional<TrustRules> rules() {
            return Optional.ofNullable(rules);
        }

        @Override
        public Optional<String> unavailable() {
            return unavailable;
        }
    }
}
