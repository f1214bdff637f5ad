package io.sigil.gateway.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Checks an RFC 9449 DPoP proof for one request: a {@code dpop+jwt} signed with an asymmetric key carried in its
 * own header, for this method and URL, issued within the allowed clock skew, bound to the presented access token
 * by {@code ath}, and never seen before. It yields the key's thumbprint, which must equal the token's
 * {@code cnf.jkt}.
 */
public final class DpopProofVerifier {

    /** The proof algorithms accepted; advertised in the {@code DPoP} challenge's {@code algs}. */
    public static final List<String> ALGORITHMS = List.of("ES256", "PS256", "RS256", "EdDSA");

    private static final int MAX_PROOF_LENGTH = 8 * 1024;
    private static final int MAX_JTI_LENGTH = 256;

    private final Clock clock;
    private final Duration maxSkew;
    private final DpopReplayCache replays;
    private final Set<URI> targets;

    /**
     * @param targets the URLs a proof's {@code htu} may name: the gateway's public resource identifier, and the
     *     URL the request actually arrived at
     */
    public DpopProofVerifier(Clock clock, Duration maxSkew, DpopReplayCache replays, Set<URI> targets) {
        this.clock = clock;
        this.maxSkew = maxSkew;
        this.replays = replays;
        this.targets =
                Set.copyOf(targets.stream().map(DpopProofVerifier::normalise).toList());
    }

    /** The outcome: the proof key's thumbprint, or why the proof is refused. */
    public record Outcome(String thumbprint, AuthFailure refusal) {
        static Outcome refused(AuthFailure reason) {
            return new Outcome(null, reason);
        }

        public boolean accepted() {
            return refusal == null;
        }
    }

    public Outcome verify(String proof, String method, URI requestUrl, String accessToken) {
        if (proof == null || proof.isBlank()) {
            return Outcome.refused(AuthFailure.DPOP_PROOF_MISSING);
        }
        if (proof.length() > MAX_PROOF_LENGTH || proof.indexOf(',') >= 0) {
            // One proof per request: a list of proofs in the header is refused.
            return Outcome.refused(AuthFailure.DPOP_PROOF_INVALID);
        }
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHMS.toArray(String[]::new)));
            jws.setCompactSerialization(proof);
            if (!"dpop+jwt".equals(jws.getHeader("typ"))) {
                return Outcome.refused(AuthFailure.DPOP_PROOF_INVALID);
            }
            PublicJsonWebKey key = jws.getJwkHeader();
            if (key == null || key.getPrivateKey() != null) {
                return Outcome.refused(AuthFailure.DPOP_PROOF_INVALID);
            }
            jws.setKey(key.getPublicKey());
            if (!jws.verifySignature()) {
                return Outcome.refused(AuthFailure.DPOP_PROOF_INVALID);
            }
            JwtClaims claims = JwtClaims.parse(jws.getPayload());
            String jti = claims.getJwtId();
            if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
                return Outcome.refused(AuthFailure.DPOP_PROOF_INVALID);
            }
            if (!method.equalsIgnoreCase(claims.getStringClaimValue("htm"))
                    || !targetMatches(claims.getStringClaimValue("htu"), requestUrl)
                    || !fresh(claims.getIssuedAt())
                    || !accessTokenHash(accessToken).equals(claims.getStringClaimValue("ath"))) {
                return Outcome.refused(AuthFailure.DPOP_PROOF_INVALID);
            }
            String thumbprint = key.calculateBase64urlEncodedThumbprint("SHA-256");
            Instant forgetAfter =
                    Instant.ofEpochSecond(claims.getIssuedAt().getValue()).plus(maxSkew);
            if (!replays.firstUse(thumbprint + ":" + jti, forgetAfter)) {
                return Outcome.refused(AuthFailure.DPOP_PROOF_REPLAYED);
            }
            return new Outcome(thumbprint, null);
        } catch (JoseException
                | org.jose4j.jwt.MalformedClaimException
                | org.jose4j.jwt.consumer.InvalidJwtException
                | RuntimeException invalid) {
            return Outcome.refused(AuthFailure.DPOP_PROOF_INVALID);
        }
    }

    private boolean fresh(NumericDate issuedAt) {
        if (issuedAt == null) {
            return false;
        }
        Instant issued = Instant.ofEpochSecond(issuedAt.getValue());
        Instant now = clock.instant();
        return !issued.isBefore(now.minus(maxSkew)) && !issued.isAfter(now.plus(maxSkew));
    }

    private boolean targetMatches(String htu, URI requestUrl) {
        if (htu == null) {
            return false;
        }
        URI named;
        try {
            named = normalise(URI.create(htu));
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
        return targets.contains(named)
                || (requestUrl != null && normalise(requestUrl).equals(named));
    }

    /** Scheme and host in lower case, default port dropped, query and fragment ignored (RFC 9449 §4.3). */
    static URI normalise(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(scheme + "://" + host + (port == -1 ? "" : ":" + port) + path);
    }

    /** {@code ath}: the base64url SHA-256 of the access token's ASCII form. */
    static String accessTokenHash(String accessToken) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    }
}
