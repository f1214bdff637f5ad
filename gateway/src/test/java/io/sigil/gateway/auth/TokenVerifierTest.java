package io.sigil.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String ISSUER = "http://127.0.0.1:28080/realms/sigil";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final KeyPair RSA = generate("RSA", null);
    private static final KeyPair OTHER_RSA = generate("RSA", null);
    private static final KeyPair EC = generate("EC", "secp256r1");

    private final TokenVerifier verifier = new TokenVerifier(
            new TokenHeaderCheck(Set.of("RS256", "PS256", "ES256")),
            Set.of("sigil-gateway", "http://gateway.test/mcp"),
            Duration.ofSeconds(10));
    private final SigningKeys keys = new SigningKeys(
            ISSUER,
            Map.of(
                    "rsa-1", new SigningKey("rsa-1", SigningKey.Family.RSA, RSA.getPublic(), null),
                    "ec-1", new SigningKey("ec-1", SigningKey.Family.EC_P256, EC.getPublic(), "ES256")),
            NOW);

    @Test
    void acceptsAValidTokenForEachAlgorithmAndReadsItsClaims() {
        for (String algorithm : new String[] {"RS256", "PS256", "ES256"}) {
            String kid = algorithm.equals("ES256") ? "ec-1" : "rsa-1";
            KeyPair pair = algorithm.equals("ES256") ? EC : RSA;
            TokenVerifier.Verdict verdict =
                    verifier.verify(sign(algorithm, kid, pair.getPrivate(), claims()), keys, NOW);

            assertThat(verdict.refusal()).as(algorithm).isNull();
            JsonWebToken jwt = verdict.token();
            assertThat(jwt.getSubject()).isEqualTo("subject-1");
            assertThat(jwt.getAudience()).containsExactly("sigil-gateway");
            assertThat(jwt.getExpirationTime()).isEqualTo(NOW.getEpochSecond() + 300);
            assertThat((Object) jwt.getClaim("azp")).isEqualTo("demo-agent-high");
            assertThat((Map<String, Object>) jwt.getClaim("cnf")).containsEntry("jkt", "thumb");
            assertThat(jwt.getName()).isEqualTo("service-account-demo-agent-high");
            assertThat(verdict.token().roles("sigil-gateway")).containsExactlyInAnyOrder("agent", "gateway-role");
        }
    }

    @Test
    void refusesATokenWhoseSignatureOrPayloadWasChanged() {
        String token = sign("RS256", "rsa-1", RSA.getPrivate(), claims());
        String[] parts = token.split("\\.");
        ObjectNode altered = claims().put("azp", "demo-agent-other");
        String forged = parts[0] + "." + B64.encodeToString(altered.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        assertThat(verifier.verify(forged, keys, NOW).refusal()).isEqualTo(AuthFailure.INVALID_SIGNATURE);
        assertThat(verifier.verify(forged, keys, NOW).party()).isNull();
        assertThat(verifier.verify(parts[0] + "." + parts[1] + ".AAAA", keys, NOW)
                        .refusal())
                .isEqualTo(AuthFailure.INVALID_SIGNATURE);
        assertThat(verifier.verify(sign("RS256", "rsa-1", OTHER_RSA.getPrivate(), claims()), keys, NOW)
                        .refusal())
                .isEqualTo(AuthFailure.INVALID_SIGNATURE);
    }

    @Test
    void refusesAKeyTheRealmDidNotPublishOrOneRestrictedToAnotherAlgorithm() {
        assertThat(verifier.verify(sign("RS256", "rotated", RSA.getPrivate(), claims()), keys, NOW)
                        .refusal())
                .isEqualTo(AuthFailure.UNKNOWN_KEY);
        // An RSA signature naming the EC key, and the EC key restricted to ES256 named by an RS256 token.
        assertThat(verifier.verify(sign("RS256", "ec-1", RSA.getPrivate(), claims()), keys, NOW)
                        .refusal())
                .isEqualTo(AuthFailure.UNKNOWN_KEY);
    }

    @Test
    void checksExpiryNotBeforeAndIssuedAtWithTheClockSkew() {
        ObjectNode expired = claims().put("exp", NOW.getEpochSecond() - 10);
        ObjectNode withinSkew = claims().put("exp", NOW.getEpochSecond() - 9);
        ObjectNode notYet = claims().put("nbf", NOW.getEpochSecond() + 11);
        ObjectNode issuedLater = claims().put("iat", NOW.getEpochSecond() + 60);
        ObjectNode noExpiry = claims();
        noExpiry.remove("exp");

        assertThat(refusal(expired)).isEqualTo(AuthFailure.EXPIRED);
        assertThat(refusal(withinSkew)).isNull();
        assertThat(refusal(notYet)).isEqualTo(AuthFailure.NOT_YET_VALID);
        assertThat(refusal(issuedLater)).isEqualTo(AuthFailure.NOT_YET_VALID);
        assertThat(refusal(noExpiry)).isEqualTo(AuthFailure.INVALID_TOKEN);
    }

    @Test
    void checksIssuerAudienceAndTokenType() {
        ObjectNode otherAudience = claims().put("aud", "sigil-soc");
        ObjectNode resourceInList = claims();
        resourceInList.putArray("aud").add("account").add("http://gateway.test/mcp");
        ObjectNode noAudience = claims();
        noAudience.remove("aud");

        assertThat(refusal(claims().put("iss", "http://localhost:28080/realms/sigil")))
                .isEqualTo(AuthFailure.WRONG_ISSUER);
        assertThat(refusal(otherAudience)).isEqualTo(AuthFailure.WRONG_AUDIENCE);
        assertThat(refusal(resourceInList)).isNull();
        assertThat(refusal(noAudience)).isEqualTo(AuthFailure.WRONG_AUDIENCE);
        assertThat(refusal(claims().put("typ", "ID"))).isEqualTo(AuthFailure.INVALID_TOKEN);
        assertThat(refusal(claims().put("typ", "DPoP"))).isNull();
    }

    @Test
    void namesTheVerifiedPartyOfARefusalOnlyAfterTheSignatureVerified() {
        TokenVerifier.Verdict expired =
                verifier.verify(sign("RS256", "rsa-1", RSA.getPrivate(), claims().put("exp", 1)), keys, NOW);

        assertThat(expired.party()).isEqualTo(new FailureClassifier.VerifiedParty("subject-1", "demo-agent-high"));
    }

    @Test
    void refusesDuplicateClaimsCriticalHeadersAndPayloadsThatAreNotObjects() {
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}".getBytes(StandardCharsets.UTF_8));
        String duplicate = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"a\",\"sub\":\"b\"}";

        assertThat(verifier.verify(signRaw(header, duplicate), keys, NOW).refusal())
                .isEqualTo(AuthFailure.MALFORMED_TOKEN);
        assertThat(verifier.verify(signRaw(header, "[1]"), keys, NOW).refusal()).isEqualTo(AuthFailure.MALFORMED_TOKEN);
        String critical = B64.encodeToString(
                "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"crit\":[\"exp\"]}".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signRaw(critical, claims().toString()), keys, NOW)
                        .refusal())
                .isEqualTo(AuthFailure.MALFORMED_TOKEN);
    }

    private AuthFailure refusal(ObjectNode claims) {
        return verifier.verify(sign("RS256", "rsa-1", RSA.getPrivate(), claims), keys, NOW)
                .refusal();
    }

    private static ObjectNode claims() {
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", ISSUER)
                .put("sub", "subject-1")
                .put("aud", "sigil-gateway")
                .put("exp", NOW.getEpochSecond() + 300)
                .put("iat", NOW.getEpochSecond() - 5)
                .put("typ", "Bearer")
                .put("azp", "demo-agent-high")
                .put("preferred_username", "service-account-demo-agent-high");
        claims.putObject("cnf").put("jkt", "thumb");
        claims.putObject("realm_access").putArray("roles").add("agent");
        claims.putObject("resource_access")
                .putObject("sigil-gateway")
                .putArray("roles")
                .add("gateway-role");
        return claims;
    }

    private static String sign(String algorithm, String kid, PrivateKey key, ObjectNode claims) {
        String header = B64.encodeToString(("{\"alg\":\"" + algorithm + "\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}")
                .getBytes(StandardCharsets.UTF_8));
        return sign(algorithm, key, header, claims.toString());
    }

    private static String signRaw(String header, String payload) {
        return sign("RS256", RSA.getPrivate(), header, payload);
    }

    private static String sign(String algorithm, PrivateKey key, String header, String payload) {
        try {
            String input = header + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            Signature signer =
                    switch (algorithm) {
                        case "RS256" -> Signature.getInstance("SHA256withRSA");
                        case "PS256" -> Signature.getInstance("RSASSA-PSS");
                        default -> Signature.getInstance("SHA256withECDSAinP1363Format");
                    };
            signer.initSign(key);
            if (algorithm.equals("PS256")) {
                signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve == null) {
                generator.initialize(2048);
            } else {
                generator.initialize(new ECGenParameterSpec(curve));
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
