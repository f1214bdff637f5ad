package io.sigil.identity.audit;

/**
 * Who made a registry change, as audit events name them; never holds a token.
 *
 * @param name the caller's principal name, e.g. {@code service-account-sigil-admin}
 * @param subject the token's {@code sub}; null for the service itself
 * @param clientId the OAuth client the caller used ({@code azp}); null for the service itself
 */
public record Actor(String name, String subject, String clientId) {

    /** The service acting on its own, at start-up. */
    public static Actor service(String serviceName) {
        return new Actor(serviceName, null, null);
    }
}
