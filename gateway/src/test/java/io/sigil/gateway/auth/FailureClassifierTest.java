package io.sigil.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.AuthenticationFailedException;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.Test;

/** The reasons that the Keycloak-backed test cannot provoke (expiry needs a short-lived client) are named here. */
class FailureClassifierTest {

    private static AuthenticationFailedException refused(int code, JwtContext context) {
        InvalidJwtException jwt =
                new InvalidJwtException("refused", List.of(new ErrorCodeValidator.Error(code, "x")), context);
        return new AuthenticationFailedException(jwt);
    }

    private static JwtContext claims() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("s-1");
        claims.setClaim("azp", "demo-agent-high");
        return new JwtContext("a.b.c", claims, List.of());
    }

    @Test
    void namesEachReasonFromJose4jErrorCodes() {
        assertThat(FailureClassifier.classify(refused(ErrorCodes.EXPIRED, null)))
                .isEqualTo(AuthFailure.EXPIRED);
        assertThat(FailureClassifier.classify(refused(ErrorCodes.NOT_YET_VALID, null)))
                .isEqualTo(AuthFailure.NOT_YET_VALID);
        assertThat(FailureClassifier.classify(refused(ErrorCodes.AUDIENCE_INVALID, null)))
                .isEqualTo(AuthFailure.WRONG_AUDIENCE);
        assertThat(FailureClassifier.classify(refused(ErrorCodes.SIGNATURE_INVALID, null)))
                .isEqualTo(AuthFailure.INVALID_SIGNATURE);
        assertThat(FailureClassifier.classify(refused(ErrorCodes.ISSUER_INVALID, null)))
                .isEqualTo(AuthFailure.WRONG_ISSUER);
        assertThat(FailureClassifier.classify(refused(ErrorCodes.JSON_INVALID, null)))
                .isEqualTo(AuthFailure.MALFORMED_TOKEN);
        assertThat(FailureClassifier.classify(new AuthenticationFailedException("no")))
                .isEqualTo(AuthFailure.INVALID_TOKEN);
    }

    @Test
    void namesTheClientOnlyWhenItsSignatureWasVerified() {
        assertThat(FailureClassifier.verifiedParty(refused(ErrorCodes.EXPIRED, claims())))
                .contains(new FailureClassifier.VerifiedParty("s-1", "demo-agent-high"));
        assertThat(FailureClassifier.verifiedParty(refused(ErrorCodes.SIGNATURE_INVALID, claims())))
                .isEmpty();
    }
}
