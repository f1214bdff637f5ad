package io.sigil.core.scan;

/** How harmful a leak of a finding would be; ordered from least to most severe. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
