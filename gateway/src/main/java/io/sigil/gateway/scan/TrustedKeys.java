package io.sigil.gateway.scan;

import io.sigil.ledger.CheckpointSigner;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * The Ed25519 public keys a scanner pack may be signed with, by key id (the first 16 hex characters of SHA-256 over
 * the raw key, as scan-service names its key).
 *
 * @param byId the trusted keys, by key id
 * @param development whether the only trusted key is the published development key, whose signatures prove nothing
 */
public record TrustedKeys(Map<String, Ed25519PublicKeyParameters> byId, boolean development) {

    /**
     * The public half of scan-service's published development key (its seed is SHA-256 of
     * {@code "sigil-mesh development scanner signing seed"}).
     */
    public static final String DEVELOPMENT_KEY = "WKi9jPoQ2KLjCszPBXq2zbEVBlVW3w2gtWkG6HmpFKU=";

    public TrustedKeys {
        byId = Map.copyOf(byId);
    }

    public Optional<Ed25519PublicKeyParameters> byKeyId(String keyId) {
        return Optional.ofNullable(keyId == null ? null : byId.get(keyId));
    }

    /** What loading the configured keys gave: the keys, or why the gateway must not start. */
    public sealed interface Loaded {

        /** The keys to verify packs with. */
        record Trusted(TrustedKeys keys) implements Loaded {}

        /** Why no key can be trusted; never names key material beyond its position. */
        record Refused(String reason) implements Loaded {}
    }

    /**
     * The configured keys; without any, the development key when allowed, else a refusal. A key that is not the
     * base64 of 32 bytes is a refusal too: a typo must not leave the gateway trusting fewer keys than meant.
     */
    public static Loaded load(Optional<List<String>> configured, boolean allowDevelopmentKey) {
        List<String> keys = configured.orElse(List.of()).stream()
                .map(String::trim)
                .filter(key -> !key.isEmpty())
                .toList();
        boolean development = false;
        if (keys.isEmpty()) {
            if (!allowDevelopmentKey) {
                return new Loaded.Refused("sigil.gateway.scanners.trusted-keys is not set; the gateway does not start"
                        + " without the scanner registry's public key (the development key is trusted only in"
                        + " development and test mode, or with sigil.gateway.scanners.allow-development-key=true)");
            }
            keys = List.of(DEVELOPMENT_KEY);
            development = true;
        }
        Map<String, Ed25519PublicKeyParameters> byId = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Optional<byte[]> raw = decode(keys.get(i));
            if (raw.isEmpty()) {
                return new Loaded.Refused("sigil.gateway.scanners.trusted-keys[" + i + "] is not the base64 of a raw"
                        + " 32-byte Ed25519 public key");
            }
            try {
                byId.put(CheckpointSigner.keyIdOf(raw.get()), new Ed25519PublicKeyParameters(raw.get(), 0));
            } catch (IllegalArgumentException notAKey) {
                return new Loaded.Refused(
                        "sigil.gateway.scanners.trusted-keys[" + i + "] is not a valid Ed25519 public key");
            }
        }
        return new Loaded.Trusted(new TrustedKeys(byId, development));
    }

    /** Standard or URL-safe base64, padded or not (a JWK's {@code x} is URL-safe without padding). */
    static Optional<byte[]> decode(String text) {
        String normalised = text.replace('-', '+').replace('_', '/').replace("=", "");
        try {
            byte[] raw = Base64.getDecoder().decode(normalised + "=".repeat((4 - normalised.length() % 4) % 4));
            return raw.length == Ed25519PublicKeyParameters.KEY_SIZE ? Optional.of(raw) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
