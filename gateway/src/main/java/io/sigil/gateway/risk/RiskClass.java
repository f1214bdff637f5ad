package io.sigil.gateway.risk;

/**
 * How much harm a call can do, as configured per tool until policy bundles carry it. A tool nobody classified
 * is {@link #UNCLASSIFIED} and treated like the riskiest: zero trust by default.
 */
public enum RiskClass {
    READ_ONLY,
    WRITE,
    DESTRUCTIVE,
    FINANCIAL,
    UNCLASSIFIED;

    /** The name in configuration, audit events and the envelope: {@code read-only}, {@code write}, … */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
