package io.sigil.gateway.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies an access token against the authorization server's published keys: the header check, the key the
 * token names, the signature, and only then the claims — issuer, expiry and not-before (with clock skew),
 * issued-at not in the future, audience, and token type. Refusals are results naming their reason; the
 * token's client is named only when its signature verified, because until then its claims are anyone's.
 */
public final class TokenVerifier {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final PSSParameterSpec PS256 =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
    /** Keycloak's {@code typ} claim for access tokens; ID, refresh and logout tokens are refused. */
    private static final Set<String> ACCESS_TOKEN_TYPES = Set.of("Bearer", "DPoP");
    /** One verifier per algorithm and thread: {@code Signature.getInstance} costs more than a hash of the token. */
    private static final ThreadLocal<Map<String, Signature>> SIGNATURES = ThreadLocal.withInitial(HashMap::new);

    private final TokenHeaderCheck headerCheck;
    private final Set<String> audiences;
    private final long skewSeconds;

    public TokenVerifier(TokenHeaderCheck headerCheck, Set<String> audiences, Duration clockSkew) {
        this.headerCheck = headerCheck;
        this.audiences = Set.copyOf(audiences);
        this.skewSeconds = clockSkew.toSeconds();
    }

    /** The verified token, or why it is refused; {@link AuthFailure#UNKNOWN_KEY} says the keys may be stale. */
    public Verdict verify(String token, SigningKeys keys, Instant now) {
        TokenHeaderCheck.Inspection header = headerCheck.inspect(token);
        if (header.refusal() != null) {
            return Verdict.refused(header.refusal());
        }
        Optional<SigningKey> key = keys.forToken(header.keyId(), header.algorithm());
        if (key.isEmpty()) {
            return Verdict.refused(AuthFailure.UNKNOWN_KEY);
        }
        if (!signatureValid(header, key.get(), token)) {
            return Verdict.refused(AuthFailure.INVALID_SIGNATURE);
        }
        ObjectNode claims;
        try {
            JsonNode payload = JSON.readTree(
                    Base64.getUrlDecoder().decode(token.substring(header.firstDot() + 1, header.secondDot())));
            if (payload == null || !payload.isObject()) {
                return Verdict.refused(AuthFailure.MALFORMED_TOKEN);
            }
            claims = (ObjectNode) payload;
        } catch (IllegalArgumentException | IOException unreadable) {
            return Verdict.refused(AuthFailure.MALFORMED_TOKEN);
        }
        AuthFailure refusal = claimsRefusal(claims, keys.issuer(), now.getEpochSecond());
        if (refusal != null) {
            return new Verdict(null, refusal, party(claims));
        }
        return new Verdict(new VerifiedJwt(token, claims), null, null);
    }

    private AuthFailure claimsRefusal(ObjectNode claims, String issuer, long now) {
        JsonNode iss = claims.get("iss");
        if (iss == null || !iss.isTextual() || !iss.asText().equals(issuer)) {
            return AuthFailure.WRONG_ISSUER;
        }
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber()) {
            return AuthFailure.INVALID_TOKEN;
        }
        if (now >= exp.asLong() + skewSeconds) {
            return AuthFailure.EXPIRED;
        }
        if (inFuture(claims.get("nbf"), now) || inFuture(claims.get("iat"), now)) {
            return AuthFailure.NOT_YET_VALID;
        }
        if (!forThisResource(claims.get("aud"))) {
            return AuthFailure.WRONG_AUDIENCE;
        }
        JsonNode typ = claims.get("typ");
        if (typ != null && !(typ.isTextual() && ACCESS_TOKEN_TYPES.contains(typ.asText()))) {
            return AuthFailure.INVALID_TOKEN;
        }
        return null;
    }

    private boolean inFuture(JsonNode time, long now) {
        return time != null && (!time.isNumber() || now + skewSeconds < time.asLong());
    }

    private boolean forThisResource(JsonNode aud) {
        if (aud == null) {
            return false;
        }
        if (aud.isTextual()) {
            return audiences.contains(aud.asText());
        }
        if (aud.isArray()) {
            for (JsonNode one : aud) {
                if (one.isTextual() && audiences.contains(one.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean signatureValid(TokenHeaderCheck.Inspection header, SigningKey key, String token) {
        try {
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(header.secondDot() + 1));
            Signature verifier = SIGNATURES.get().computeIfAbsent(header.algorithm(), TokenVerifier::newSignature);
            verifier.initVerify(key.key());
            if (header.algorithm().equals("PS256")) {
                verifier.setParameter(PS256);
            }
            verifier.update(token.substring(0, header.secondDot()).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException invalid) {
            return false;
        }
    }

    private static Signature newSignature(String algorithm) {
        try {
            return switch (algorithm) {
                case "RS256" -> Signature.getInstance("SHA256withRSA");
                case "PS256" -> Signature.getInstance("RSASSA-PSS");
                    // JWS carries ECDSA signatures as r ‖ s (RFC 7518 §3.4), not DER.
                case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
                default -> throw new IllegalArgumentException("no verifier for " + algorithm);
            };
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("the JDK lacks " + algorithm, missing);
        }
    }

    private static FailureClassifier.VerifiedParty party(ObjectNode claims) {
        JsonNode sub = claims.get("sub");
        JsonNode azp = claims.get("azp");
        return new FailureClassifier.VerifiedParty(
                sub != null && sub.isTextual() ? sub.asText() : null,
                azp != null && azp.isTextual() ? azp.asText() : null);
    }

    /** A verified token, or the reason for refusing it with the party named when its signature verified. */
    public record Verdict(VerifiedJwt token, AuthFailure refusal, FailureClassifier.VerifiedParty party) {

        static Verdict refused(AuthFailure reason) {
            return new Verdict(null, reason, null);
        }

        public boolean verified() {
            return token != null;
        }
    }
}
