package io.sigil.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenHeaderCheckTest {

    private final TokenHeaderCheck check = new TokenHeaderCheck(Set.of("RS256", "PS256", "ES256"));

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String token(String header) {
        return b64(header) + "." + b64("{\"sub\":\"x\"}") + ".c2lnbmF0dXJl";
    }

    @Test
    void letsAnAllowedAsymmetricAlgorithmThroughToVerification() {
        assertThat(check.refusal(token("{\"alg\":\"RS256\",\"kid\":\"k\"}"))).isEmpty();
        assertThat(check.refusal(token("{\"alg\":\"ES256\"}"))).isEmpty();
    }

    @Test
    void refusesNoneAndHmacAndUnlistedAlgorithms() {
        assertThat(check.refusal(b64("{\"alg\":\"none\"}") + "." + b64("{}") + "."))
                .contains(AuthFailure.UNSUPPORTED_ALGORITHM);
        assertThat(check.refusal(token("{\"alg\":\"HS256\"}"))).contains(AuthFailure.UNSUPPORTED_ALGORITHM);
        assertThat(check.refusal(token("{\"alg\":\"RS512\"}"))).contains(AuthFailure.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void refusesTokensThatAreNotCompactJws() {
        assertThat(check.refusal("abc.def")).contains(AuthFailure.MALFORMED_TOKEN);
        assertThat(check.refusal("a.b.c.d.e")).contains(AuthFailure.MALFORMED_TOKEN);
        assertThat(check.refusal("!!!." + b64("{}") + ".sig")).contains(AuthFailure.MALFORMED_TOKEN);
        assertThat(check.refusal(token("[1,2]"))).contains(AuthFailure.MALFORMED_TOKEN);
        assertThat(check.refusal(token("{\"alg\":256}"))).contains(AuthFailure.MALFORMED_TOKEN);
    }

    @Test
    void refusesAnAllowedAlgorithmWithoutSignature() {
        assertThat(check.refusal(b64("{\"alg\":\"RS256\"}") + "." + b64("{}") + "."))
                .contains(AuthFailure.INVALID_SIGNATURE);
    }
}
