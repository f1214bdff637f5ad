package io.sigil.core.spi;

import io.sigil.core.model.CallerIdentity;

/** Seed 001: binds a caller's credential to a verified identity and trust level. */
public interface IdentityProvider {

    /**
     * Verifies a credential (for the gateway: an OIDC access token).
     *
     * @return the verified caller, or a refusal with its reason; never throws for a bad credential
     */
    IdentityResult verify(String credential);

    /** A verified identity or the reason there is none. */
    sealed interface IdentityResult {
        record Verified(CallerIdentity identity) implements IdentityResult {}

        record Refused(String reason) implements IdentityResult {}
    }
}
