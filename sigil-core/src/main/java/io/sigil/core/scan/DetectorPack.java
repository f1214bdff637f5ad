package io.sigil.core.scan;

import java.util.List;
import java.util.Objects;

/**
 * A named, versioned set of detectors, e.g. {@code sigil-scanner-financial}: the unit that the registry
 * verifies, signs and publishes.
 *
 * @param name the pack name, in the {@code sigil-scanner-*} namespace for built-in packs
 * @param version the pack's version
 * @param description what the pack covers
 * @param detectors its detectors, in declaration order
 */
public record DetectorPack(String name, String version, String description, List<Detector> detectors) {

    public DetectorPack {
        Objects.requireNonNull(name, "name");
        detectors = List.copyOf(detectors);
    }
}
