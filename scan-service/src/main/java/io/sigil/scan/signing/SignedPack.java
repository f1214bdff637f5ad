package io.sigil.scan.signing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A verified pack as the scanners topic carries it: what was verified, and an Ed25519 signature over the RFC 8785
 * canonical form of {@code {id, version, definition, metrics}} that a consumer checks before loading it.
 *
 * @param keyId the first 16 hex characters of SHA-256 over the signing public key
 * @param signature base64url of the 64-byte signature
 */
public record SignedPack(
        String id,
        String version,
        JsonNode definition,
        JsonNode metrics,
        @JsonProperty("key_id") String keyId,
        String signature) {}
