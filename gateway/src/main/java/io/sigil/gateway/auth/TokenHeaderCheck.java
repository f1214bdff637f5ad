package io.sigil.gateway.auth;

import com.fasterxml.jackson.core.JsonParser;
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

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Set<String> allowedAlgorithms;

    public TokenHeaderCheck(Set<String> allowedAlgorithms) {
        this.allowedAlgorithms = Set.copyOf(allowedAlgorithms);
    }

    /** The reason to refuse the token, or empty if its header allows it to be verified. */
    public Optional<AuthFailure> refusal(String token) {
        return Optional.ofNullable(inspect(token).refusal());
    }

    /** The token split into its parts with its header read, or the reason it cannot be verified at all. */
    public Inspection inspect(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        // Encrypted tokens (five parts) are not accepted by the gateway either.
        if (first <= 0 || second <= first + 1 || token.indexOf('.', second + 1) >= 0) {
            return Inspection.refused(AuthFailure.MALFORMED_TOKEN);
        }
        JsonNode header;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, first)));
        } catch (IllegalArgumentException | IOException notJson) {
            return Inspection.refused(AuthFailure.MALFORMED_TOKEN);
        }
        if (header == null || !header.isObject() || !header.path("alg").isTextual()) {
            return Inspection.refused(AuthFailure.MALFORMED_TOKEN);
        }
        String algorithm = header.get("alg").asText();
        if (!allowedAlgorithms.contains(algorithm)) {
            return Inspection.refused(AuthFailure.UNSUPPORTED_ALGORITHM);
        }
        // RFC 7515 §4.1.11: an extension the recipient must understand, and the gateway understands none.
        if (header.has("crit")) {
            return Inspection.refused(AuthFailure.MALFORMED_TOKEN);
        }
        if (second == token.length() - 1) {
            return Inspection.refused(AuthFailure.INVALID_SIGNATURE);
        }
        JsonNode kid = header.get("kid");
        return new Inspection(null, algorithm, kid != null && kid.isTextual() ? kid.asText() : null, first, second);
    }

    /**
     * What the header check found: a refusal, or the algorithm, the key id and where the payload and signature
     * start. The header's {@code jwk}, {@code jku} and {@code x5u} are never read: keys come from the JWKS only.
     */
    public record Inspection(AuthFailure refusal, String algorithm, String keyId, int firstDot, int secondDot) {

        static Inspection refused(AuthFailure reason) {
            return new Inspection(reason, null, null, -1, -1);
        }
    }
}
