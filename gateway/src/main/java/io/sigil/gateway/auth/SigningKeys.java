package io.sigil.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization server's token-signing keys, read from its JWKS (RFC 7517): RSA keys of at least 2048
 * bits and P-256 EC keys meant for signatures. Encryption keys, other key types and keys without an id are
 * left out, so a token can only ever be checked against a signing key the server published.
 */
public record SigningKeys(String issuer, Map<String, SigningKey> byId, Instant fetchedAt) {

    /** The smallest RSA modulus accepted. */
    static final int MIN_RSA_BITS = 2048;

    public SigningKeys {
        byId = Map.copyOf(byId);
    }

    /** The key named {@code kid} if it may verify {@code algorithm}. */
    public Optional<SigningKey> forToken(String kid, String algorithm) {
        if (kid == null) {
            // Without a key id the only safe choice is a realm with a single key for the algorithm.
            SigningKey only = null;
            for (SigningKey key : byId.values()) {
                if (key.verifies(algorithm)) {
                    if (only != null) {
                        return Optional.empty();
                    }
                    only = key;
                }
            }
            return Optional.ofNullable(only);
        }
        SigningKey key = byId.get(kid);
        return key != null && key.verifies(algorithm) ? Optional.of(key) : Optional.empty();
    }

    /** Reads a JWKS document; keys that cannot be used are skipped, a document without {@code keys} is refused. */
    public static SigningKeys parse(String issuer, JsonNode jwks, Instant fetchedAt) {
        JsonNode keys = jwks == null ? null : jwks.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new IllegalArgumentException("the JWKS has no keys array");
        }
        Map<String, SigningKey> byId = new HashMap<>();
        for (JsonNode jwk : keys) {
            read(jwk).ifPresent(key -> byId.putIfAbsent(key.id(), key));
        }
        return new SigningKeys(issuer, byId, fetchedAt);
    }

    private static Optional<SigningKey> read(JsonNode jwk) {
        String kid = text(jwk, "kid");
        String use = text(jwk, "use");
        if (kid == null || (use != null && !use.equals("sig"))) {
            return Optional.empty();
        }
        try {
            return switch (String.valueOf(text(jwk, "kty"))) {
                case "RSA" -> rsa(jwk).map(key -> new SigningKey(kid, SigningKey.Family.RSA, key, text(jwk, "alg")));
                case "EC" -> ec(jwk).map(key -> new SigningKey(kid, SigningKey.Family.EC_P256, key, text(jwk, "alg")));
                default -> Optional.empty();
            };
        } catch (GeneralSecurityException | IllegalArgumentException unusable) {
            return Optional.empty();
        }
    }

    private static Optional<PublicKey> rsa(JsonNode jwk) throws GeneralSecurityException {
        BigInteger modulus = number(jwk, "n");
        BigInteger exponent = number(jwk, "e");
        if (modulus == null || exponent == null || modulus.bitLength() < MIN_RSA_BITS) {
            return Optional.empty();
        }
        RSAPublicKey key =
                (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        return Optional.of(key);
    }

    private static Optional<PublicKey> ec(JsonNode jwk) throws GeneralSecurityException {
        BigInteger x = number(jwk, "x");
        BigInteger y = number(jwk, "y");
        if (!"P-256".equals(text(jwk, "crv")) || x == null || y == null) {
            return Optional.empty();
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        if (!onCurve(curve, x, y)) {
            // An off-curve point is the invalid-curve attack's way in: such a key is never used.
            return Optional.empty();
        }
        return Optional.of(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), curve)));
    }

    /** Whether {@code y² = x³ + ax + b (mod p)} with both coordinates in the field. */
    static boolean onCurve(ECParameterSpec curve, BigInteger x, BigInteger y) {
        BigInteger p = ((java.security.spec.ECFieldFp) curve.getCurve().getField()).getP();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3)
                .add(curve.getCurve().getA().multiply(x))
                .add(curve.getCurve().getB())
                .mod(p);
        return left.equals(right);
    }

    private static BigInteger number(JsonNode jwk, String member) {
        String value = text(jwk, member);
        return value == null ? null : new BigInteger(1, Base64.getUrlDecoder().decode(value));
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
