package io.sigil.devstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.UUID;

/**
 * A client's DPoP key (RFC 9449), generated in memory: it makes the proofs a client sends to the token endpoint
 * and to the gateway, with the public key in the proof's header.
 */
public final class DpopKey {

    private final KeyPair pair;
    private final String jwk;

    private DpopKey(KeyPair pair) {
        this.pair = pair;
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        this.jwk = "{\"e\":\"" + DemoClientKey.b64(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + DemoClientKey.b64(key.getModulus()) + "\"}";
    }

    public static DpopKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new DpopKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a DPoP key", e);
        }
    }

    /** A proof for a token request: no access token yet, so no {@code ath}. */
    public String proof(String method, String url) {
        return proof(
                method,
                url,
                null,
                System.currentTimeMillis() / 1000,
                UUID.randomUUID().toString());
    }

    /** A proof for a resource request carrying {@code accessToken}. */
    public String proof(String method, String url, String accessToken) {
        return proof(
                method,
                url,
                accessToken,
                System.currentTimeMillis() / 1000,
                UUID.randomUUID().toString());
    }

    /** A proof with every field chosen, to make wrong ones in tests. */
    public String proof(String method, String url, String accessToken, long issuedAt, String jti) {
        String header = "{\"typ\":\"dpop+jwt\",\"alg\":\"RS256\",\"jwk\":" + jwk + "}";
        String claims = "{\"jti\":\"" + jti + "\",\"htm\":\"" + method + "\",\"htu\":\"" + url + "\",\"iat\":"
                + issuedAt + (accessToken == null ? "" : ",\"ath\":\"" + sha256(accessToken) + "\"") + "}";
        return Jws.rs256(pair.getPrivate(), header, claims);
    }

    /** The key's RFC 7638 thumbprint: what a token bound to it carries as {@code cnf.jkt}. */
    public String thumbprint() {
        return sha256(jwk);
    }

    private static String sha256(String text) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
