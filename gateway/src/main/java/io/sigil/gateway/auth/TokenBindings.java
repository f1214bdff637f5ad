package io.sigil.gateway.auth;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Holds a verified token to its confirmation ({@code cnf}) claim, RFC 9449 §7 and RFC 8705 §3. */
final class TokenBindings {

    private TokenBindings() {}

    /** Why the token may not be used as presented; empty when its binding, if any, is satisfied. */
    static Optional<AuthFailure> refusal(Principal principal, DpopProofVerifier.Outcome proof) {
        Map<String, String> cnf = confirmation(principal);
        if (cnf.containsKey("x5t#S256")) {
            return Optional.of(AuthFailure.UNSUPPORTED_BINDING);
        }
        String jkt = cnf.get("jkt");
        if (jkt == null) {
            return proof == null ? Optional.empty() : Optional.of(AuthFailure.NOT_DPOP_BOUND);
        }
        if (proof == null) {
            // A DPoP-bound token sent as a plain bearer token: whoever holds it may not be its owner.
            return Optional.of(AuthFailure.DPOP_PROOF_MISSING);
        }
        return jkt.equals(proof.thumbprint()) ? Optional.empty() : Optional.of(AuthFailure.DPOP_KEY_MISMATCH);
    }

    /** The token's DPoP key thumbprint, when it is DPoP-bound. */
    static Optional<String> dpopThumbprint(Principal principal) {
        return Optional.ofNullable(confirmation(principal).get("jkt"));
    }

    /** The {@code cnf} members; the claim comes as a JSON-P object or a plain map depending on the verifier. */
    private static Map<String, String> confirmation(Principal principal) {
        Map<String, String> members = new HashMap<>();
        if (principal instanceof JsonWebToken jwt) {
            Object cnf = jwt.getClaim("cnf");
            if (cnf instanceof JsonObject json) {
                json.forEach((name, value) -> members.put(name, text(value)));
            } else if (cnf instanceof Map<?, ?> map) {
                map.forEach((name, value) -> members.put(String.valueOf(name), text(value)));
            } else if (cnf != null) {
                // A cnf of any other shape is a binding the gateway cannot read: treat it as one it cannot check.
                members.put("x5t#S256", "unreadable");
            }
        }
        return members;
    }

    private static String text(Object value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return value == null || value instanceof JsonValue ? null : value.toString();
    }
}
