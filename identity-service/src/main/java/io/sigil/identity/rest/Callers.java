package io.sigil.identity.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.sigil.identity.audit.Actor;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Names the verified caller of the current request for audit events: principal, subject and client, no token. */
@RequestScoped
public class Callers {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Callers(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Actor current() {
        Object azp = token.getClaim("azp");
        return new Actor(identity.getPrincipal().getName(), token.getSubject(), azp == null ? null : azp.toString());
    }
}
