package io.sigil.identity.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.model.TrustLevel;
import java.util.List;

/**
 * An administrator's change to an agent's owner, allowed upstreams or maximum trust level; a field that is
 * absent (or null) stays as it is. The DID, client id and status are not patchable.
 *
 * @param owner the new owner
 * @param allowedUpstreams the new list of upstreams, replacing the old one
 * @param maxTrustLevel the name of the new maximum trust level
 */
public record AgentPatch(
        String owner,
        @JsonProperty("allowed_upstreams") List<String> allowedUpstreams,
        @JsonProperty("max_trust_level") String maxTrustLevel) {

    public boolean isEmpty() {
        return owner == null && allowedUpstreams == null && maxTrustLevel == null;
    }

    /** The agent with this patch applied, at the same version; validate the patch first. */
    public RegisteredAgent applyTo(RegisteredAgent agent) {
        return new RegisteredAgent(
                agent.did(),
                agent.clientId(),
                owner == null ? agent.owner() : owner.trim(),
                allowedUpstreams == null ? agent.allowedUpstreams() : AgentRules.upstreams(allowedUpstreams),
                maxTrustLevel == null ? agent.maxTrustLevel() : TrustLevel.fromWire(maxTrustLevel),
                agent.status(),
                agent.version(),
                agent.createdAt(),
                agent.updatedAt());
    }
}
