package io.sigil.identity.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A request to register an agent, as sent by an administrator; nothing in it is trusted before
 * {@link AgentRules} has validated it.
 *
 * @param did the agent's DID, {@code did:sigil:<id>}
 * @param clientId the OAuth client the agent authenticates through
 * @param owner who answers for the agent
 * @param allowedUpstreams the upstream MCP servers the agent may reach; none when absent
 * @param maxTrustLevel the name of the highest trust level the agent may be granted, e.g. {@code Medium}
 */
public record NewAgent(
        String did,
        @JsonProperty("client_id") String clientId,
        String owner,
        @JsonProperty("allowed_upstreams") List<String> allowedUpstreams,
        @JsonProperty("max_trust_level") String maxTrustLevel) {}
