package io.sigil.scan.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the automatic verification of a submitted pack found: every reason it was rejected (empty when it was
 * verified) and the metrics the registry publishes with it.
 *
 * @param verified whether every check passed
 * @param reasons each failed check, in a sentence naming the detector
 * @param metrics the measured figures; null when the pack does not even load
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(boolean verified, List<String> reasons, Metrics metrics) {

    /**
     * @param detectors how many detectors the pack has
     * @param examplesPassed own positive and negative examples that behaved as declared
     * @param examplesTotal own examples in all
     * @param negativesScanned samples of the shared negative corpus
     * @param falsePositives those samples in which the pack found something
     * @param nsPerKib the pack's scan cost on the standard corpus, nanoseconds per KiB, best of several runs
     */
    public record Metrics(
            int detectors,
            @JsonProperty("examples_passed") int examplesPassed,
            @JsonProperty("examples_total") int examplesTotal,
            @JsonProperty("negatives_scanned") int negativesScanned,
            @JsonProperty("false_positives") int falsePositives,
            @JsonProperty("ns_per_kib") long nsPerKib) {

        @JsonProperty("false_positive_rate")
        public double falsePositiveRate() {
            return negativesScanned == 0 ? 0 : (double) falsePositives / negativesScanned;
        }
    }

    public Verification {
        reasons = List.copyOf(reasons);
    }
}
