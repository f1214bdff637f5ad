package io.sigil.gateway.pipeline;

import java.util.Map;
import java.util.Set;

/**
 * What the transport verified about the caller before the chain runs: the token's subject, the client it
 * was issued to, its roles and its claims. The identity stage derives the caller and its trust from them.
 */
public record Credentials(String subject, String clientId, Set<String> roles, Map<String, Object> claims) {

    public Credentials {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }

    public String claim(String name) {
        Object value = claims.get(name);
        return value == null ? null : value.toString();
    }
}
