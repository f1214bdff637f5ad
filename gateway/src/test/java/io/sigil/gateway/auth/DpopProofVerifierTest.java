package io.sigil.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.devstack.DpopKey;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DpopProofVerifierTest {

    private static final String RESOURCE = "https://gateway.bank.example/mcp";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln";
    private static final DpopKey KEY = DpopKey.generate();

    private final Instant now = Instant.now();
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final DpopProofVerifier verifier = new DpopProofVerifier(
            clock, Duration.ofSeconds(60), new DpopReplayCache(clock, 1000), Set.of(URI.create(RESOURCE)));

    @Test
    void aFreshProofForThisRequestYieldsItsKeysThumbprint() {
        DpopProofVerifier.Outcome outcome = verify(KEY.proof("POST", RESOURCE, TOKEN));

        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.thumbprint()).isEqualTo(KEY.thumbprint());
    }

    @Test
    void theUrlIsComparedWithoutQueryFragmentDefaultPortOrCase() {
        assertThat(verify(KEY.proof("POST", "HTTPS://Gateway.Bank.Example:443/mcp?x=1#f", TOKEN))
                        .accepted())
                .isTrue();
        // The URL the request actually arrived at counts too.
        assertThat(verifier.verify(
                                KEY.proof("POST", "http://127.0.0.1:8700/mcp", TOKEN),
                                "POST",
                                URI.create("http://127.0.0.1:8700/mcp"),
                                TOKEN)
                        .accepted())
                .isTrue();
    }

    @Test
    void aProofForAnotherMethodUrlOrTokenIsRefused() {
        assertThat(verify(KEY.proof("GET", RESOURCE, TOKEN)).refusal()).isEqualTo(AuthFailure.DPOP_PROOF_INVALID);
        assertThat(verify(KEY.proof("POST", "https://evil.example/mcp", TOKEN)).refusal())
                .isEqualTo(AuthFailure.DPOP_PROOF_INVALID);
        assertThat(verify(KEY.proof("POST", RESOURCE, TOKEN + "x")).refusal())
                .isEqualTo(AuthFailure.DPOP_PROOF_INVALID);
        // A proof made for the token endpoint carries no ath at all.
        assertThat(verify(KEY.proof("POST", RESOURCE)).refusal()).isEqualTo(AuthFailure.DPOP_PROOF_INVALID);
    }

    @Test
    void aProofOutsideTheClockSkewIsRefused() {
        long stale = now.minusSeconds(120).getEpochSecond();
        long future = now.plusSeconds(120).getEpochSecond();
        assertThat(verify(KEY.proof(
                                "POST",
                                RESOURCE,
                                TOKEN,
                                stale,
                                UUID.randomUUID().toString()))
                        .refusal())
                .isEqualTo(AuthFailure.DPOP_PROOF_INVALID);
        assertThat(verify(KEY.proof(
                                "POST",
                                RESOURCE,
                                TOKEN,
                                future,
                                UUID.randomUUID().toString()))
                        .refusal())
                .isEqualTo(AuthFailure.DPOP_PROOF_INVALID);
    }

    @Test
    void aReplayedProofIsRefused() {
        String proof = KEY.proof("POST", RESOURCE, TOKEN);
        assertThat(verify(proof).accepted()).isTrue();
        assertThat(verify(proof).refusal()).isEqualTo(AuthFailure.DPOP_PROOF_REPLAYED);
    }

    @Test
    void aMissingTamperedOrMisTypedProofIsRefused() {
        assertThat(verify(null).refusal()).isEqualTo(AuthFailure.DPOP_PROOF_MISSING);
        assertThat(verify("").refusal()).isEqualTo(AuthFailure.DPOP_PROOF_MISSING);
        assertThat(verify("not.a.proof").refusal()).isEqualTo(AuthFailure.DPOP_PROOF_INVALID);
        String proof = KEY.proof("POST", RESOURCE, TOKEN);
        String[] parts = proof.split("\\.");
        String otherClaims = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"jti\":\"x\",\"htm\":\"POST\",\"htu\":\"" + RESOURCE + "\",\"iat\":"
                                + now.getEpochSecond() + "}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(verify(parts[0] + "." + otherClaims + "." + parts[2]).refusal())
                .isEqualTo(AuthFailure.DPOP_PROOF_INVALID);
        // An unsigned proof, and two proofs in one header.
        String none = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        "{\"typ\":\"dpop+jwt\",\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(verify(none + "." + parts[1] + ".").refusal()).isEqualTo(AuthFailure.DPOP_PROOF_INVALID);
        assertThat(verify(proof + "," + proof).refusal()).isEqualTo(AuthFailure.DPOP_PROOF_INVALID);
    }

    @Test
    void theReplayCacheRefusesRatherThanForgetALiveProof() {
        DpopReplayCache cache = new DpopReplayCache(clock, 2);
        assertThat(cache.firstUse("a", now.plusSeconds(60))).isTrue();
        assertThat(cache.firstUse("b", now.minusSeconds(1))).isTrue();
        // Full: the expired id makes room, the live one stays.
        assertThat(cache.firstUse("c", now.plusSeconds(60))).isTrue();
        assertThat(cache.firstUse("a", now.plusSeconds(60))).isFalse();
        assertThat(cache.firstUse("d", now.plusSeconds(60))).isFalse();
    }

    private DpopProofVerifier.Outcome verify(String proof) {
        return verifier.verify(proof, "POST", URI.create("http://127.0.0.1:1/other"), TOKEN);
    }
}
