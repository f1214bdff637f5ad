package io.sigil.gateway.auth;

import java.util.Optional;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Names the reason Quarkus OIDC refused a token, from the jose4j error codes found in the failure's causes.
 * Quarkus reports every refusal as one {@code AuthenticationFailedException}; the codes are what tell them apart.
 */
final class FailureClassifier {

    private FailureClassifier() {}

    static AuthFailure classify(Throwable failure) {
        Optional<InvalidJwtException> jwt = invalidJwt(failure);
        if (jwt.isEmpty()) {
            return mentionsMissingKey(failure) ? AuthFailure.UNKNOWN_KEY : AuthFailure.INVALID_TOKEN;
        }
        InvalidJwtException e = jwt.get();
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return AuthFailure.INVALID_SIGNATURE;
        }
        if (e.hasExpired()) {
            return AuthFailure.EXPIRED;
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return AuthFailure.NOT_YET_VALID;
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return AuthFailure.WRONG_AUDIENCE;
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return AuthFailure.WRONG_ISSUER;
        }
        if (e.hasErrorCode(ErrorCodes.JSON_INVALID) || e.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)) {
            return AuthFailure.MALFORMED_TOKEN;
        }
        return AuthFailure.INVALID_TOKEN;
    }

    /**
     * The token's client when the refusal came after its signature was verified (jose4j checks claims only
     * then), so the name can be trusted; empty for signature and format failures, whose claims are anyone's.
     */
    static Optional<VerifiedParty> verifiedParty(Throwable failure) {
        AuthFailure reason = classify(failure);
        if (reason != AuthFailure.EXPIRED
                && reason != AuthFailure.NOT_YET_VALID
                && reason != AuthFailure.WRONG_AUDIENCE) {
            return Optional.empty();
        }
        return invalidJwt(failure)
                .map(InvalidJwtException::getJwtContext)
                .filter(context -> context != null && context.getJwtClaims() != null)
                .map(context -> {
                    try {
                        return new VerifiedParty(
                                context.getJwtClaims().getSubject(),
                                context.getJwtClaims().getClaimValueAsString("azp"));
                    } catch (MalformedClaimException e) {
                        return null;
                    }
                });
    }

    private static Optional<InvalidJwtException> invalidJwt(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidJwtException jwt) {
                return Optional.of(jwt);
            }
        }
        return Optional.empty();
    }

    private static boolean mentionsMissingKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("matching verification key")) {
                return true;
            }
        }
        return false;
    }

    /** The subject and client of a token whose signature verified. */
    record VerifiedParty(String subject, String clientId) {}
}
