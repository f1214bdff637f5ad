package io.sigil.gateway.pipeline;

import io.sigil.core.identity.TokenBinding;
import io.sigil.core.identity.TokenFacts;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the transport verified about the caller before the chain runs: the token's subject, the client it was
 * issued to, its roles, its claims, the facts trust is derived from, and, for a delegated token (RFC 8693
 * {@code act}), the actor acting for the subject.
 */
public record Credentials(
        String subject, String clientId, Set<String> roles, Map<String, Object> claims, TokenFacts facts, Actor actor) {

    /**
     * The party acting on the subject's behalf.
     *
     * @param subject the actor's subject
     * @param clientId the actor's OAuth client, by which the registry knows it
     */
    public record Actor(String subject, String clientId) {}

    public Credentials {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
        facts = facts == null ? factsOf(claims) : facts;
    }

    /** Credentials without delegation whose trust facts are read from the string claims (tests, stdio). */
    public Credentials(String subject, String clientId, Set<String> roles, Map<String, Object> claims) {
        this(subject, clientId, roles, claims, null, null);
    }

    public String claim(String name) {
        Object value = claims.get(name);
        return value == null ? null : value.toString();
    }

    /** Whether a person authenticated; a Keycloak service account is named {@code service-account-<client>}. */
    public static boolean human(String preferredUsername) {
        return preferredUsername != null && !preferredUsername.startsWith("service-account-");
    }

    private static TokenFacts factsOf(Map<String, Object> claims) {
        Object user = claims.get("preferred_username");
        return new TokenFacts(
                human(user == null ? null : user.toString()),
                text(claims.get("acr")),
                List.of(),
                null,
                text(claims.get("sigil_client_auth")),
                TokenBinding.BEARER);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
