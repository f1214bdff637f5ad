package io.sigil.gateway.scan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pack from the scanners topic whose signature verified against a trusted key; its definition is not parsed yet.
 *
 * @param id the pack id, which is also the record's key
 * @param version the pack's version
 * @param definition the pack's detectors, as signed
 * @param keyId the id of the key that signed it
 */
public record VerifiedPack(String id, String version, JsonNode definition, String keyId) {}
