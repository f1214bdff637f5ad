package io.sigil.scan.verification;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigil.core.scan.Detector;
import io.sigil.core.scan.DetectorPack;
import io.sigil.core.scan.DetectorPacks;
import io.sigil.core.scan.ScanEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The registry's automatic verification of a submitted pack, before anyone may rely on it: it must load and
 * compile under the linear-time engine (the loader refuses a pattern run on every text that may repeat without
 * bound, a detector with neither keywords nor a bounded always-on pattern, and fewer than two examples of each
 * kind); pass a lint (no id of a built-in detector); pass its own examples; stay under the false-positive ceiling on the shared negative corpus; and stay under the cost
 * ceiling on the standard corpus. Every failure is named; none stops the others from being reported.
 */
public final class PackVerifier {

    /** The most a pack may find in the shared negative corpus: one sample in a hundred. */
    public static final double MAX_FALSE_POSITIVE_RATE = 0.01;

    /** The most a pack may cost on the standard corpus: 0.2 ms per KiB (5 MB/s), far below the engine's norm. */
    public static final long MAX_NS_PER_KIB = 200_000;

    private final Set<String> builtInIds = new HashSet<>();
    private final List<String> negatives;
    private final String standardCorpus;

    public PackVerifier(List<String> sharedNegatives, String standardCorpus) {
        DetectorPacks.builtIn().forEach(detector -> builtInIds.add(detector.id()));
        this.negatives = List.copyOf(sharedNegatives);
        this.standardCorpus = standardCorpus;
    }

    public Verification verify(JsonNode definition) {
        DetectorPack pack;
        try {
            pack = DetectorPacks.pack(definition);
        } catch (IllegalArgumentException refused) {
            return new Verification(false, List.of("the pack does not load: " + refused.getMessage()), null);
        }
        List<String> reasons = new ArrayList<>(lint(pack));
        ScanEngine engine = new ScanEngine(pack.detectors());
        int passed = 0;
        int total = 0;
        for (Detector detector : pack.detectors()) {
            passed += ownExamples(engine, detector, detector.positives(), true, reasons);
            passed += ownExamples(engine, detector, detector.negatives(), false, reasons);
            total += detector.positives().size() + detector.negatives().size();
        }
        int falsePositives = 0;
        for (String negative : negatives) {
            if (!engine.findings(negative).isEmpty()) {
                falsePositives++;
            }
        }
        if (!negatives.isEmpty() && (double) falsePositives / negatives.size() > MAX_FALSE_POSITIVE_RATE) {
            reasons.add("the pack finds something in " + falsePositives + " of " + negatives.size()
                    + " samples of the shared negative corpus (at most " + (int) (MAX_FALSE_POSITIVE_RATE * 100)
                    + "% allowed)");
        }
        long nsPerKib = cost(engine);
        if (nsPerKib > MAX_NS_PER_KIB) {
            reasons.add("the pack costs " + nsPerKib + " ns per KiB on the standard corpus (at most " + MAX_NS_PER_KIB
                    + ")");
        }
        Verification.Metrics metrics = new Verification.Metrics(
                pack.detectors().size(), passed, total, negatives.size(), falsePositives, nsPerKib);
        return new Verification(reasons.isEmpty(), reasons, metrics);
    }

    /** How many of the examples behave as declared; each one that does not adds a reason naming it. */
    private static int ownExamples(
            ScanEngine engine, Detector detector, List<String> examples, boolean positive, List<String> reasons) {
        int passed = 0;
        for (int i = 0; i < examples.size(); i++) {
            boolean found = engine.findings(examples.get(i)).stream()
                    .anyMatch(f -> f.detectorId().equals(detector.id()));
            if (found == positive) {
                passed++;
            } else {
                reasons.add("detector '" + detector.id() + "' " + (positive ? "misses" : "finds") + " its own "
                        + (positive ? "positive" : "negative") + " example #" + (i + 1));
            }
        }
        return passed;
    }

    private List<String> lint(DetectorPack pack) {
        List<String> reasons = new ArrayList<>();
        for (Detector detector : pack.detectors()) {
            String where = "detector '" + detector.id() + "'";
            if (builtInIds.contains(detector.id())) {
                reasons.add(where + " has the id of a built-in detector");
            }
            if (detector.positives().isEmpty() || detector.negatives().isEmpty()) {
                reasons.add(where + " needs at least one positive and one negative example");
            }
        }
        return reasons;
    }

    /** Nanoseconds per KiB of the standard corpus, best of five runs after two warm-up runs. */
    private long cost(ScanEngine engine) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 7; run++) {
            long started = System.nanoTime();
            engine.findings(standardCorpus);
            long took = System.nanoTime() - started;
            if (run >= 2) {
                best = Math.min(best, took);
            }
        }
        return best * 1024 / Math.max(1, standardCorpus.length());
    }
}
