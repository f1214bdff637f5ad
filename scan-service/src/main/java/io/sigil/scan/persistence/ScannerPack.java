package io.sigil.scan.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One version of a scanner pack, as stored and served.
 *
 * @param id the pack's id; its versions share it
 * @param version the pack's version
 * @param status where the pack stands in verification
 * @param definition the pack's scanners, a JSON object
 * @param verification the reasons of a rejection and the measured metrics
 * @param published whether a verified version has been announced, signed, on the scanners topic
 * @param createdAt when this version was stored
 */
public record ScannerPack(
        String id,
        String version,
        ScannerPackStatus status,
        JsonNode definition,
        JsonNode verification,
        boolean published,
        @JsonProperty("created_at") Instant createdAt) {

    public ScannerPack asPublished() {
        return new ScannerPack(id, version, status, definition, verification, true, createdAt);
    }
}
