package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

/** The check every fast path is held to: the reference sweep's findings and truncation, for no more work. */
final class SweepEquivalence {

    private SweepEquivalence() {}

    /** Asserts that {@code fast} scans {@code input} as {@code sweep} does; answers the sweep's result. */
    static ScanResult assertSameAsSweep(ScanEngine fast, ScanEngine sweep, String input) {
        ScanResult expected = sweep.scanResult(input);
        ScanResult actual = fast.scanResult(input);
        assertThat(actual.truncated()).as(input).isEqualTo(expected.truncated());
        assertThat(actual.work()).as(input).isLessThanOrEqualTo(expected.work());
        assertThat(actual.findings()).as(input).isEqualTo(expected.findings());
        return expected;
    }
}
