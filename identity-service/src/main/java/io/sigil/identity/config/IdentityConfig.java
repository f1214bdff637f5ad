package io.sigil.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** identity-service's own settings. */
@ConfigMapping(prefix = "sigil.identity")
public interface IdentityConfig {

    /** Whether the demo agents listed in {@code seed/demo-agents.json} are registered at start-up, when absent. */
    @WithDefault("false")
    boolean seedDemoAgents();

    /** How often the publisher looks for changes that the identities topic has not acknowledged yet. */
    @WithDefault("500ms")
    Duration publishInterval();

    /** How long a write waits for the broker's ack before answering 202 with {@code "published": false}. */
    @WithDefault("3s")
    Duration publishWait();

    /** The DID named as controller of every agent's DID document: the registry that maintains it. */
    @WithDefault("did:sigil:registry")
    String registryDid();
}
