package io.sigil.scan.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.Startup;
import io.sigil.ledger.CheckpointSigner;
import io.sigil.ledger.Jcs;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signs verified packs with the registry's Ed25519 key (Bouncy Castle), given as a base64 32-byte seed in
 * {@code sigil.scan.signing-seed}; without it the service does not start, unless development keys are allowed,
 * and then it says at start that its signatures prove nothing.
 */
// Created at start-up: missing keys stop the start, and the development-key warning comes before readiness.
@Startup
@ApplicationScoped
public class PackSigner {

    private static final Logger LOG = Logger.getLogger(PackSigner.class);

    private final Ed25519PrivateKeyParameters key;
    private final byte[] publicKey;
    private final String keyId;
    private final ObjectMapper mapper;

    public PackSigner(
            @ConfigProperty(name = "sigil.scan.signing-seed") Optional<String> seed,
            @ConfigProperty(name = "sigil.scan.allow-development-keys", defaultValue = "false") boolean development,
            ObjectMapper mapper) {
        this.mapper = mapper;
        this.key = new Ed25519PrivateKeyParameters(seed(seed, development), 0);
        this.publicKey = key.generatePublicKey().getEncoded();
        this.keyId = CheckpointSigner.keyIdOf(publicKey);
    }

    public SignedPack sign(String id, String version, JsonNode definition, JsonNode metrics) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        byte[] payload = signedPayload(mapper, id, version, definition, metrics);
        signer.update(payload, 0, payload.length);
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(signer.generateSignature());
        return new SignedPack(id, version, definition, metrics, keyId, signature);
    }

    /** What a signature covers: the canonical JSON of the pack's id, version, definition and metrics. */
    public static byte[] signedPayload(
            ObjectMapper mapper, String id, String version, JsonNode definition, JsonNode metrics) {
        ObjectNode covered = mapper.createObjectNode().put("id", id).put("version", version);
        covered.set("definition", definition);
        covered.set("metrics", metrics);
        return Jcs.canonicalize(covered);
    }

    /** The public key as an RFC 8037 JWK, for whoever verifies the scanners topic. */
    public Map<String, String> publicJwk() {
        return Map.of(
                "kty",
                "OKP",
                "crv",
                "Ed25519",
                "kid",
                keyId,
                "x",
                Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey));
    }

    private static byte[] seed(Optional<String> configured, boolean development) {
        if (configured.isPresent()) {
            byte[] seed;
            try {
                seed = Base64.getDecoder().decode(configured.get().trim());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalStateException("sigil.scan.signing-seed is not base64");
            }
            if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
                throw new IllegalStateException("sigil.scan.signing-seed must be 32 bytes, not " + seed.length);
            }
            return seed;
        }
        if (!development) {
            throw new IllegalStateException("sigil.scan.signing-seed is not set; the scanner registry does not start"
                    + " without its signing key (sigil.scan.allow-development-keys=true only for development)");
        }
        LOG.warn("the scanner registry signs with the published development key: its signatures prove nothing;"
                + " set sigil.scan.signing-seed for real use");
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest("sigil-mesh development scanner signing seed".getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
