package io.sigil.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Looks at a bearer token's shape and JOSE header before any key is chosen: a token that is not three
 * base64url parts with a JSON header is malformed, and one whose {@code alg} is off the allow-list is refused
 * whatever its signature, which closes {@code alg:none} and the HMAC-with-the-public-key confusion.
 */
public final class TokenHeaderCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> allowedAlgorithms;

    public TokenHeaderCheck(Set<String> allowedAlgorithms) {
        this.allowedAlgorithms = Set.copyOf(allowedAlgorithms);
    }

    /** The reason to refuse the token, or empty if its header allows it to be verified. */
    public Optional<AuthFailure> refusal(String token) {
        String[] parts = token.split("\\.", -1);
        // Encrypted tokens (five parts) are not accepted by the gateway either.
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.of(AuthFailure.MALFORMED_TOKEN);
        }
        JsonNode header;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        } catch (IllegalArgumentException | IOException notJson) {
            return Optional.of(AuthFailure.MALFORMED_TOKEN);
        }
        if (header == null || !header.isObject() || !header.path("alg").isTextual()) {
            return Optional.of(AuthFailure.MALFORMED_TOKEN);
        }
        if (!allowedAlgorithms.contains(header.get("alg").asText())) {
            return Optional.of(AuthFailure.UNSUPPORTED_ALGORITHM);
        }
        return parts[2].isEmpty() ? Optional.of(AuthFailure.INVALID_SIGNATURE) : Optional.empty();
    }
}
