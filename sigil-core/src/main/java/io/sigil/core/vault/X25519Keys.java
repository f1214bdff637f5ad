package io.sigil.core.vault;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Base64;

/**
 * X25519 keys as RFC 7748 writes them: 32 raw bytes, little-endian, carried in configuration as unpadded base64url.
 * The vault's public key is all a gateway holds; only the vault service holds the private one.
 */
public final class X25519Keys {

    public static final int LENGTH = 32;
    private static final BigInteger FIELD_PRIME = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    static final String ALGORITHM = "XDH";

    private X25519Keys() {}

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.X25519);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no X25519", e);
        }
    }

    public static byte[] raw(PublicKey key) {
        byte[] bigEndian = ((XECPublicKey) key).getU().toByteArray();
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < Math.min(LENGTH, bigEndian.length); i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    public static byte[] raw(PrivateKey key) {
        return ((XECPrivateKey) key)
                .getScalar()
                .orElseThrow(() -> new IllegalArgumentException("the private key does not expose its scalar"));
    }

    public static PublicKey publicKey(byte[] raw) {
        requireLength(raw, "public");
        byte[] bigEndian = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            bigEndian[i] = raw[LENGTH - 1 - i];
        }
        // RFC 7748 §5: the most significant bit of the last byte is ignored.
        bigEndian[0] &= 0x7f;
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, bigEndian)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X25519 public key", e);
        }
    }

    /**
     * A public key from configuration: refused unless canonical (the top bit clear, u below 2^255 − 19), so that the
     * bytes a sealer binds into its key derivation are the ones the vault derives from its private key.
     */
    public static PublicKey canonicalPublicKey(byte[] raw) {
        requireLength(raw, "public");
        byte[] bigEndian = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            bigEndian[i] = raw[LENGTH - 1 - i];
        }
        if (new BigInteger(1, bigEndian).compareTo(FIELD_PRIME) >= 0) {
            throw new IllegalArgumentException("an X25519 public key must be canonical: u below 2^255 - 19");
        }
        return publicKey(raw);
    }

    public static PrivateKey privateKey(byte[] raw) {
        requireLength(raw, "private");
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, raw.clone()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X25519 private key", e);
        }
    }

    /** The raw public key of a raw private key: the scalar times the base point u = 9. */
    public static byte[] publicOf(byte[] privateRaw) {
        try {
            javax.crypto.KeyAgreement agreement = javax.crypto.KeyAgreement.getInstance(ALGORITHM);
            agreement.init(privateKey(privateRaw));
            byte[] base = new byte[LENGTH];
            base[0] = 9;
            agreement.doPhase(publicKey(base), true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X25519 private key", e);
        }
    }

    /**
     * The published development key, derived from a public label: anyone can open what it seals, so only development
     * and test stacks may use it.
     */
    public static byte[] developmentPrivateKey() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest("sigil-mesh development vault key".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** The public half of the published development key. */
    public static byte[] developmentPublicKey() {
        return publicOf(developmentPrivateKey());
    }

    public static String encode(byte[] raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The raw key of a configuration value; the error never quotes the value, which may be a private key. */
    public static byte[] decode(String encoded) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("an X25519 key must be unpadded base64url");
        }
        requireLength(raw, "encoded");
        return raw;
    }

    private static void requireLength(byte[] raw, String what) {
        if (raw == null || raw.length != LENGTH) {
            throw new IllegalArgumentException(
                    "an X25519 " + what + " key has " + LENGTH + " bytes, not " + (raw == null ? 0 : raw.length));
        }
    }
}
