package io.sigil.identity.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.core.identity.AgentStatus;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.model.TrustLevel;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentRulesTest {

    private static final String REGISTRY = "did:sigil:registry";

    @Test
    void aCompleteRequestIsValidAndBecomesAnActiveAgentAtVersionOne() {
        // Given a complete request with padded names and a repeated upstream
        NewAgent request = new NewAgent(
                "did:sigil:payments-bot",
                " payments-bot ",
                " team-payments ",
                List.of("ledger", " ledger", "mail"),
                "medium");

        // When it is validated and converted
        // Then it has no problems, and the agent is trimmed, de-duplicated, active, at version 1
        assertThat(AgentRules.problems(request, REGISTRY)).isEmpty();
        RegisteredAgent agent = AgentRules.toAgent(request);
        assertThat(agent.clientId()).isEqualTo("payments-bot");
        assertThat(agent.owner()).isEqualTo("team-payments");
        assertThat(agent.allowedUpstreams()).containsExactly("ledger", "mail");
        assertThat(agent.maxTrustLevel()).isEqualTo(TrustLevel.MEDIUM);
        assertThat(agent.status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(agent.version()).isEqualTo(1);
    }

    @Test
    void everyProblemOfARequestIsNamed() {
        // Given a request wrong in every field
        NewAgent request = new NewAgent("did:web:example.com", "", null, Arrays.asList("ok", " "), "Omnipotent");

        // When it is validated
        // Then each field is named once
        assertThat(AgentRules.problems(request, REGISTRY))
                .hasSize(5)
                .anyMatch(p -> p.startsWith("did "))
                .anyMatch(p -> p.startsWith("client_id "))
                .anyMatch(p -> p.startsWith("owner "))
                .anyMatch(p -> p.startsWith("allowed_upstreams "))
                .anyMatch(p -> p.startsWith("max_trust_level "));
    }

    @Test
    void theRegistrysOwnDidAndOverlongValuesAreRefused() {
        // Given the registry's DID, an overlong owner and too many upstreams
        NewAgent reserved = new NewAgent(REGISTRY, "c", "o", List.of(), "Low");
        NewAgent overlong = new NewAgent("did:sigil:x", "c", "o".repeat(201), Collections.nCopies(101, "u"), "Low");

        // When they are validated
        // Then each is refused
        assertThat(AgentRules.problems(reserved, REGISTRY))
                .singleElement()
                .asString()
                .contains("reserved");
        assertThat(AgentRules.problems(overlong, REGISTRY))
                .anyMatch(p -> p.startsWith("owner must be at most"))
                .anyMatch(p -> p.startsWith("allowed_upstreams must list at most"));
    }

    @Test
    void aPatchMustChangeSomethingValid() {
        // Given an empty patch, one with a blank owner and one with an unknown level
        // When they are validated
        // Then each is refused with the field named
        assertThat(AgentRules.problems(new AgentPatch(null, null, null)))
                .singleElement()
                .asString()
                .contains("at least one");
        assertThat(AgentRules.problems(new AgentPatch(" ", null, null)))
                .singleElement()
                .asString()
                .startsWith("owner");
        assertThat(AgentRules.problems(new AgentPatch(null, null, "Root")))
                .singleElement()
                .asString()
                .startsWith("max_trust_level");
        assertThat(AgentRules.problems(new AgentPatch(null, List.of(), "high"))).isEmpty();
    }

    @Test
    void aPatchChangesOnlyTheFieldsItGives() {
        // Given an agent
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        RegisteredAgent agent = new RegisteredAgent(
                "did:sigil:a",
                "a",
                "team-a",
                List.of("demo"),
                TrustLevel.HIGH,
                AgentStatus.SUSPENDED,
                4,
                created,
                created);

        // When a patch of the maximum trust level alone is applied
        RegisteredAgent patched = new AgentPatch(null, null, "Low").applyTo(agent);

        // Then only that field differs; the version is the registry's business
        assertThat(patched.maxTrustLevel()).isEqualTo(TrustLevel.LOW);
        assertThat(patched.owner()).isEqualTo("team-a");
        assertThat(patched.allowedUpstreams()).containsExactly("demo");
        assertThat(patched.status()).isEqualTo(AgentStatus.SUSPENDED);
        assertThat(patched.version()).isEqualTo(4);
        assertThat(new AgentPatch("team-a", List.of("demo"), "High").applyTo(agent))
                .isEqualTo(agent);
    }
}
