package io.sigil.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key the demo client {@code demo-agent-signed} authenticates with (private_key_jwt). It is generated
 * on a stack's first start and kept in that stack's state directory, never in the repository; Keycloak learns
 * the public half from the realm file devstack writes at start.
 */
public final class DemoClientKey {

    public static final String CLIENT_ID = "demo-agent-signed";
    static final String REALM_PLACEHOLDER = "__DEMO_AGENT_SIGNED_JWKS__";
    private static final String KEY_ID = "demo-agent-signed-1";

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;

    private DemoClientKey(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The stack's key, created on first use. */
    public static synchronized DemoClientKey of(StackProfile profile) {
        Path file = profile.stateDir().resolve("keys").resolve(CLIENT_ID + ".pk8");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Path partial = file.resolveSibling(file.getFileName() + ".tmp");
                Files.write(partial, pair.getPrivate().getEncoded());
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
                Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key =
                    (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
            RSAPublicKey pub =
                    (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new DemoClientKey(key, pub);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the demo client key", e);
        }
    }

    /** The stack whose Keycloak listens at this URL's port. */
    public static DemoClientKey forKeycloak(String keycloakUrl) {
        int port = java.net.URI.create(keycloakUrl).getPort();
        for (StackProfile profile : StackProfile.values()) {
            if (profile.keycloakPort() == port) {
                return of(profile);
            }
        }
        throw new IllegalArgumentException("no devstack profile runs Keycloak at " + keycloakUrl);
    }

    /** The public key as a JWK Set, escaped to sit inside a JSON string of the realm file. */
    String jwksForRealm() {
        String jwks =
                "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                        + b64(publicKey.getModulus()) + "\",\"e\":\"" + b64(publicKey.getPublicExponent()) + "\"}]}";
        return jwks.replace("\"", "\\\"");
    }

    /** An RFC 7523 client assertion for the token endpoint, valid for one minute. */
    public String clientAssertion(String tokenEndpoint) {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
        String claims = "{\"iss\":\"" + CLIENT_ID + "\",\"sub\":\"" + CLIENT_ID + "\",\"aud\":\"" + tokenEndpoint
                + "\",\"jti\":\"" + java.util.UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}";
        return Jws.rs256(privateKey, header, claims);
    }

    static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
