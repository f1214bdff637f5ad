package io.sigil.scan.registry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A scanner pack submitted by an administrator; nothing in it is trusted before {@link ScannerRegistry} has
 * validated it.
 *
 * @param id the pack's id
 * @param version the version to store
 * @param definition the pack's scanners, a JSON object
 */
public record NewScannerPack(String id, String version, JsonNode definition) {}
