package io.sigil.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void keepsSigningKeysAndLeavesOutEncryptionWeakOffCurveAndNamelessOnes() throws Exception {
        ObjectNode jwks = JSON.createObjectNode();
        ArrayNode keys = jwks.putArray("keys");
        keys.add(rsa("sig-rsa", 2048).put("use", "sig").put("alg", "RS256"));
        keys.add(rsa("enc-rsa", 2048).put("use", "enc"));
        keys.add(rsa("weak-rsa", 1024));
        keys.add(rsa(null, 2048));
        ECPublicKey ec = ecKey();
        keys.add(ec("sig-ec", ec.getW().getAffineX(), ec.getW().getAffineY()));
        keys.add(ec("off-curve", ec.getW().getAffineX(), ec.getW().getAffineY().add(BigInteger.ONE)));
        keys.add(JSON.createObjectNode().put("kid", "oct").put("kty", "oct").put("k", "c2VjcmV0"));

        SigningKeys parsed = SigningKeys.parse("issuer", jwks, Instant.EPOCH);

        assertThat(parsed.byId()).containsOnlyKeys("sig-rsa", "sig-ec");
        assertThat(parsed.forToken("sig-rsa", "RS256")).isPresent();
        assertThat(parsed.forToken("sig-rsa", "PS256"))
                .as("restricted to RS256 by its alg")
                .isEmpty();
        assertThat(parsed.forToken("sig-ec", "ES256")).isPresent();
        assertThat(parsed.forToken("sig-ec", "RS256")).isEmpty();
    }

    @Test
    void choosesAKeyWithoutAnIdOnlyWhenOneKeyFitsTheAlgorithm() throws Exception {
        ObjectNode jwks = JSON.createObjectNode();
        jwks.putArray("keys").add(rsa("only", 2048));
        SigningKeys one = SigningKeys.parse("issuer", jwks, Instant.EPOCH);
        ((ArrayNode) jwks.get("keys")).add(rsa("second", 2048));
        SigningKeys two = SigningKeys.parse("issuer", jwks, Instant.EPOCH);

        assertThat(one.forToken(null, "RS256")).isPresent();
        assertThat(two.forToken(null, "RS256")).isEmpty();
    }

    @Test
    void refusesADocumentWithoutKeys() {
        assertThatThrownBy(() -> SigningKeys.parse("issuer", JSON.createObjectNode(), Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ObjectNode rsa(String kid, int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
        ObjectNode jwk = JSON.createObjectNode().put("kty", "RSA");
        if (kid != null) {
            jwk.put("kid", kid);
        }
        return jwk.put("n", B64.encodeToString(unsigned(key.getModulus())))
                .put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
    }

    private static ECPublicKey ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return (ECPublicKey) generator.generateKeyPair().getPublic();
    }

    private static ObjectNode ec(String kid, BigInteger x, BigInteger y) {
        return JSON.createObjectNode()
                .put("kid", kid)
                .put("kty", "EC")
                .put("crv", "P-256")
                .put("x", B64.encodeToString(unsigned(x)))
                .put("y", B64.encodeToString(unsigned(y)));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
