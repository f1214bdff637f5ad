package io.sigil.gateway.auth;

import java.security.PublicKey;

/** One published signing key: its id, its family, and the algorithm it is restricted to, if the JWKS says. */
public record SigningKey(String id, Family family, PublicKey key, String algorithm) {

    /** The key families the gateway verifies with. */
    public enum Family {
        RSA,
        EC_P256
    }

    /** Whether a token signed with {@code jwsAlgorithm} may be checked with this key. */
    public boolean verifies(String jwsAlgorithm) {
        if (algorithm != null && !algorithm.equals(jwsAlgorithm)) {
            return false;
        }
        return switch (jwsAlgorithm) {
            case "RS256", "PS256" -> family == Family.RSA;
            case "ES256" -> family == Family.EC_P256;
            default -> false;
        };
    }
}
