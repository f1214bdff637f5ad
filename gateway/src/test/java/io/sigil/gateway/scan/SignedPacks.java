package io.sigil.gateway.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.ledger.CheckpointSigner;
import io.sigil.ledger.Jcs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Test packs signed as scan-service signs them ({@code SignedPack}: Ed25519 over the canonical JSON of id, version,
 * definition and metrics), with the published development key or any other seed. The token format they detect,
 * {@code ZQX-} and 24 hex digits, is made up for these tests and is no real credential format.
 */
public final class SignedPacks {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ed25519PrivateKeyParameters key;
    private final String keyId;

    private SignedPacks(byte[] seed) {
        this.key = new Ed25519PrivateKeyParameters(seed, 0);
        this.keyId = CheckpointSigner.keyIdOf(key.generatePublicKey().getEncoded());
    }

    /** Signs with scan-service's development key: SHA-256 of its published phrase. */
    public static SignedPacks development() {
        try {
            return new SignedPacks(MessageDigest.getInstance("SHA-256")
                    .digest("sigil-mesh development scanner signing seed".getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Signs with a fresh random key that nobody trusts. */
    public static SignedPacks random() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return new SignedPacks(seed);
    }

    public String keyId() {
        return keyId;
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(key.generatePublicKey().getEncoded());
    }

    /** A fresh made-up token: {@code ZQX-} and 24 random hex digits. */
    public static String token() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "ZQX-" + HexFormat.of().formatHex(bytes);
    }

    /** A pack named {@code name} with one detector {@code detectorId} for ZQX tokens. */
    public static ObjectNode zqxDefinition(String name, String detectorId) {
        ObjectNode pack = JSON.createObjectNode().put("pack", name).put("version", "1.0.0");
        pack.put("description", "made-up ZQX test tokens");
        ObjectNode detector = pack.putArray("detectors").addObject();
        detector.put("id", detectorId)
                .put("category", "ZQX Test Token")
                .put("severity", "high")
                .put("pattern", "\\b(ZQX-[0-9a-f]{24})\\b")
                .put("window", 40);
        detector.putArray("keywords").add("ZQX-");
        ObjectNode examples = detector.putObject("examples");
        ArrayNode positive = examples.putArray("positive");
        positive.add("key " + token());
        positive.add("ZQX_KEY=" + token());
        ArrayNode negative = examples.putArray("negative");
        negative.add("ZQX-not-a-token");
        negative.add("ZQX-0123");
        return pack;
    }

    /** The record value scan-service would publish for this pack. */
    public String record(String id, String version, JsonNode definition) {
        return record(id, version, definition, keyId);
    }

    /** The record value, signed by this key but naming {@code claimedKeyId} as its signer. */
    public String record(String id, String version, JsonNode definition, String claimedKeyId) {
        ObjectNode metrics = JSON.createObjectNode()
                .put("detectors", definition.path("detectors").size());
        ObjectNode covered = JSON.createObjectNode().put("id", id).put("version", version);
        covered.set("definition", definition);
        covered.set("metrics", metrics);
        byte[] payload = Jcs.canonicalize(covered);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(payload, 0, payload.length);
        ObjectNode record = covered.deepCopy();
        record.put("key_id", claimedKeyId);
        record.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signer.generateSignature()));
        try {
            return JSON.writeValueAsString(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
