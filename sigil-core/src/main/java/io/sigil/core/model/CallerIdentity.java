package io.sigil.core.model;

import java.util.Objects;
import java.util.Set;

/**
 * A verified caller: who it is, which client it came through and how far it is trusted.
 *
 * @param subject the authenticated subject (a user or a service account)
 * @param clientId the OAuth client the call arrived through
 * @param trustLevel the trust level derived by the gateway, never taken from the client
 * @param roles the roles the identity provider granted
 */
public record CallerIdentity(String subject, String clientId, TrustLevel trustLevel, Set<String> roles) {

    public CallerIdentity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(trustLevel, "trustLevel");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** The caller as written into the envelope and the audit trail. */
    public String displayName() {
        return clientId.equals(subject) ? "client:" + clientId : subject + " via " + clientId;
    }
}
