package io.sigil.identity.persistence;

import io.sigil.core.identity.RegisteredAgent;

/**
 * An agent as stored, with the publisher's bookkeeping.
 *
 * @param agent the agent in its published form
 * @param publishedVersion the highest version the identities topic has acknowledged; 0 when none
 */
public record StoredAgent(RegisteredAgent agent, long publishedVersion) {

    public boolean published() {
        return publishedVersion >= agent.version();
    }
}
