package io.sigil.gateway.scan;

import io.sigil.core.scan.Detector;
import io.sigil.core.scan.DetectorPack;
import io.sigil.core.scan.DetectorPacks;
import io.sigil.core.scan.ScanEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registry packs the gateway accepted, and the engine they make with the built-in packs: a registry pack with a
 * built-in pack's name replaces it, the others are added. Each change builds a whole new engine and swaps it into
 * {@link ActiveScanner}; a pack that does not load or compile, or repeats another active pack's detector id, is
 * refused and the engine stays as it was.
 */
public final class RegistryPacks {

    private static final String RE2J_FAILURE = "pattern does not compile under RE2J";

    private final ActiveScanner active;
    private final List<DetectorPack> builtIn;
    private final Map<String, Accepted> accepted = new TreeMap<>();

    /** A pack in force and the key that signed it. */
    private record Accepted(DetectorPack pack, String version, String keyId) {}

    public RegistryPacks(ActiveScanner active, List<DetectorPack> builtIn) {
        this.active = active;
        this.builtIn = List.copyOf(builtIn);
    }

    /** The engine to start with: the built-in packs (when on) and no registry pack yet. */
    public static ScanEngine initialEngine(List<DetectorPack> builtIn) {
        return new ScanEngine(
                builtIn.stream().flatMap(pack -> pack.detectors().stream()).toList());
    }

    public synchronized PackOutcome accept(VerifiedPack pack) {
        DetectorPack loaded;
        try {
            loaded = DetectorPacks.pack(pack.definition());
        } catch (IllegalArgumentException refused) {
            return new PackOutcome.Refused(pack.id(), "the pack does not load: " + loadFailure(refused.getMessage()));
        }
        Map<String, Accepted> next = new TreeMap<>(accepted);
        next.put(pack.id(), new Accepted(loaded, pack.version(), pack.keyId()));
        List<Detector> detectors = new ArrayList<>();
        String duplicate = compose(next, detectors);
        if (duplicate != null) {
            return new PackOutcome.Refused(
                    pack.id(), "detector id '" + duplicate + "' is already used by another active pack");
        }
        ScanEngine engine;
        try {
            engine = new ScanEngine(detectors);
        } catch (RuntimeException compileFailure) {
            return new PackOutcome.Refused(
                    pack.id(),
                    "the engine does not compile with the pack ("
                            + compileFailure.getClass().getSimpleName() + ")");
        }
        active.swap(engine);
        accepted.put(pack.id(), next.get(pack.id()));
        boolean replaced = builtIn.stream().anyMatch(b -> b.name().equals(pack.id()));
        return new PackOutcome.Loaded(
                pack.id(), pack.version(), pack.keyId(), loaded.detectors().size(), replaced);
    }

    public synchronized PackOutcome withdraw(String id) {
        if (!accepted.containsKey(id)) {
            return new PackOutcome.Unchanged(id);
        }
        Map<String, Accepted> next = new TreeMap<>(accepted);
        next.remove(id);
        List<Detector> detectors = new ArrayList<>();
        if (compose(next, detectors) != null) {
            // Removing a pack cannot create a duplicate; a built-in coming back could only repeat an id by a bug.
            return new PackOutcome.Refused(id, "withdrawing it would repeat a detector id; it stays active");
        }
        active.swap(new ScanEngine(detectors));
        accepted.remove(id);
        return new PackOutcome.Withdrawn(id);
    }

    /** The active registry packs by id, with their versions. */
    public synchronized Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        accepted.forEach((id, pack) -> versions.put(id, pack.version()));
        return versions;
    }

    /** The loader's reason without RE2J's detail, which quotes the pattern, and at most 200 chars of it. */
    static String loadFailure(String message) {
        String reason = message == null ? "no reason given" : message;
        int re2j = reason.indexOf(RE2J_FAILURE);
        if (re2j >= 0) {
            reason = reason.substring(0, re2j + RE2J_FAILURE.length());
        }
        return reason.length() > 200 ? reason.substring(0, 200) + "…" : reason;
    }

    /** Fills {@code detectors} with the built-ins not replaced and the given packs; a repeated detector id, or null. */
    private String compose(Map<String, Accepted> packs, List<Detector> detectors) {
        List<DetectorPack> all = new ArrayList<>();
        builtIn.stream().filter(pack -> !packs.containsKey(pack.name())).forEach(all::add);
        packs.values().forEach(pack -> all.add(pack.pack()));
        Set<String> ids = new HashSet<>();
        for (DetectorPack pack : all) {
            for (Detector detector : pack.detectors()) {
                if (!ids.add(detector.id())) {
                    return detector.id();
                }
                detectors.add(detector);
            }
        }
        return null;
    }
}
