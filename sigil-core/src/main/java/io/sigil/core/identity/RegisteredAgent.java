package io.sigil.core.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sigil.core.model.TrustLevel;
import java.time.Instant;
import java.util.List;

/**
 * A registered agent as identity-service stores it and publishes it on the identities topic, keyed by its DID;
 * the gateway's replica reads exactly this form.
 *
 * @param did the agent's decentralised identifier, {@code did:sigil:<id>}
 * @param clientId the one OAuth client the agent authenticates through
 * @param owner who answers for the agent
 * @param allowedUpstreams the upstream MCP servers the agent may reach
 * @param maxTrustLevel the highest trust level the gateway may ever grant the agent
 * @param status whether the agent is active, suspended or revoked
 * @param version increases with every change, so a replica can ignore a stale record
 * @param createdAt when the agent was registered
 * @param updatedAt when the agent last changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisteredAgent(
        String did,
        @JsonProperty("client_id") String clientId,
        String owner,
        @JsonProperty("allowed_upstreams") List<String> allowedUpstreams,
        @JsonProperty("max_trust_level") TrustLevel maxTrustLevel,
        AgentStatus status,
        long version,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    public RegisteredAgent {
        allowedUpstreams = allowedUpstreams == null ? List.of() : List.copyOf(allowedUpstreams);
    }

    public boolean active() {
        return status == AgentStatus.ACTIVE;
    }

    public RegisteredAgent withStatus(AgentStatus next, long nextVersion, Instant when) {
        return new RegisteredAgent(
                did, clientId, owner, allowedUpstreams, maxTrustLevel, next, nextVersion, createdAt, when);
    }
}
