package io.sigil.identity.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sigil.core.model.TrustLevel;
import java.time.Instant;
import java.util.List;

/**
 * A registered agent, as stored, served and published on the identities topic.
 *
 * @param did the agent's decentralised identifier, {@code did:sigil:<id>}
 * @param clientId the one OAuth client the agent authenticates through
 * @param owner who answers for the agent
 * @param allowedUpstreams the upstream MCP servers the agent may reach
 * @param maxTrustLevel the highest trust level the gateway may ever grant the agent
 * @param status whether the agent is active, suspended or revoked
 * @param createdAt when the agent was registered
 * @param updatedAt when the agent last changed
 */
public record Agent(
        String did,
        @JsonProperty("client_id") String clientId,
        String owner,
        @JsonProperty("allowed_upstreams") List<String> allowedUpstreams,
        @JsonProperty("max_trust_level") TrustLevel maxTrustLevel,
        AgentStatus status,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    public Agent {
        allowedUpstreams = allowedUpstreams == null ? List.of() : List.copyOf(allowedUpstreams);
    }
}
