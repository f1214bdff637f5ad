package io.sigil.gateway.identity;

import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.identity.TrustRules;
import java.util.Optional;

/** What the gateway knows of the registry: agents by OAuth client, the trust rules, and whether it is current. */
public interface AgentDirectory {

    /** The agent bound to this OAuth client, in whatever status; empty when the client is not registered. */
    Optional<RegisteredAgent> byClient(String clientId);

    /** The trust rules; empty until identity-service has published them. */
    Optional<TrustRules> rules();

    /**
     * Why the directory cannot be relied on now (still loading, or out of touch with the broker for longer than
     * allowed); empty when it is current. The identity stage refuses every call while this is present.
     */
    Optional<String> unavailable();
}
