package io.sigil.gateway.scan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.ledger.Jcs;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Checks a record of the scanners topic before anything in it is used: it must be a signed pack whose id is the
 * record's key, signed by a trusted key, with an Ed25519 signature over the RFC 8785 canonical form of
 * {@code {id, version, definition, metrics}} (what scan-service signs). The definition is not parsed here.
 */
public final class PackSignatureVerifier {

    private static final int SIGNATURE_SIZE = 64;

    private final TrustedKeys keys;
    private final ObjectMapper mapper;
    private final ObjectReader reader;

    public PackSignatureVerifier(TrustedKeys keys, ObjectMapper mapper) {
        this.keys = keys;
        this.mapper = mapper;
        this.reader = mapper.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** What the check found: the verified pack, or why the record is refused. */
    public sealed interface Verdict {

        /** The signature verified against a trusted key. */
        record Verified(VerifiedPack pack) implements Verdict {}

        /** Refused; the reason names fields and key ids, never the pack's content. */
        record Refused(String reason) implements Verdict {}
    }

    public Verdict verify(String key, String value) {
        JsonNode record;
        try {
            record = reader.readTree(value == null ? "" : value);
        } catch (IOException notJson) {
            return refused("the record is not JSON");
        }
        if (record == null || !record.isObject()) {
            return refused("the record is not a signed pack object");
        }
        Optional<String> missing = missingField(record);
        if (missing.isPresent()) {
            return refused("the record has no valid '" + missing.get() + "'");
        }
        String id = record.get("id").textValue();
        if (!id.equals(key)) {
            return refused("the record's key does not name the signed pack id");
        }
        String keyId = record.get("key_id").textValue();
        Optional<Ed25519PublicKeyParameters> publicKey = keys.byKeyId(keyId);
        if (publicKey.isEmpty()) {
            return refused("signed by key " + PackNames.safe(keyId) + ", which is not trusted");
        }
        Optional<byte[]> signature = signature(record.get("signature").textValue());
        if (signature.isEmpty()) {
            return refused("the signature is not base64url of " + SIGNATURE_SIZE + " bytes");
        }
        byte[] payload;
        try {
            payload = signedPayload(record);
        } catch (IllegalArgumentException notCanonical) {
            return refused("the signed fields have no canonical JSON form");
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey.get());
        verifier.update(payload, 0, payload.length);
        if (!verifier.verifySignature(signature.get())) {
            return refused("the signature does not verify against trusted key " + keyId);
        }
        return new Verdict.Verified(
                new VerifiedPack(id, record.get("version").textValue(), record.get("definition"), keyId));
    }

    /** The bytes scan-service signed: the canonical JSON of the pack's id, version, definition and metrics. */
    private byte[] signedPayload(JsonNode record) {
        ObjectNode covered = mapper.createObjectNode();
        covered.set("id", record.get("id"));
        covered.set("version", record.get("version"));
        covered.set("definition", record.get("definition"));
        covered.set("metrics", record.get("metrics"));
        return Jcs.canonicalize(covered);
    }

    private static Optional<String> missingField(JsonNode record) {
        for (String field : new String[] {"id", "version", "key_id", "signature"}) {
            JsonNode value = record.get(field);
            if (value == null || !value.isTextual() || value.textValue().isBlank()) {
                return Optional.of(field);
            }
        }
        if (!record.path("definition").isObject()) {
            return Optional.of("definition");
        }
        if (!record.has("metrics")) {
            return Optional.of("metrics");
        }
        return Optional.empty();
    }

    private static Optional<byte[]> signature(String text) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(text);
            return raw.length == SIGNATURE_SIZE ? Optional.of(raw) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static Verdict refused(String reason) {
        return new Verdict.Refused(reason);
    }
}
