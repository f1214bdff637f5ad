package io.sigil.core.scan;

import java.util.List;

/**
 * What one scan found, whether it looked at everything, and the work it spent. A truncated scan stopped
 * because its input exhausted the deterministic work budget ({@link ScanBudget}) or the base64 decode
 * budget: its findings are a lower bound, so the caller must fail closed (refuse or redact the whole value).
 *
 * @param findings every finding, ordered by span; when truncated, also {@link ScanEngine#INCOMPLETE_ID}
 *     over the whole text, so that callers that only read findings fail closed too
 * @param truncated whether a budget stopped the scan before every detector had looked
 * @param work the budget units the pattern work took (a function of the input and the detectors only)
 */
public record ScanResult(List<Finding> findings, boolean truncated, long work) {

    public ScanResult {
        findings = List.copyOf(findings);
    }
}
