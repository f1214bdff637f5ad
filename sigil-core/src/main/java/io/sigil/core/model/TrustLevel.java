package io.sigil.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How far the gateway trusts a caller; ordered from least to most trusted. */
public enum TrustLevel {
    UNTRUSTED,
    LOW,
    MEDIUM,
    HIGH;

    /** The lower of two levels: trust combines by its weakest axis and never escalates. */
    public TrustLevel min(TrustLevel other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean atLeast(TrustLevel required) {
        return compareTo(required) >= 0;
    }

    /** The seed's wire form: {@code "High"}, {@code "Untrusted"}. */
    @JsonValue
    public String wireName() {
        String lower = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    @JsonCreator
    public static TrustLevel fromWire(String value) {
        if (value == null) {
            throw new IllegalArgumentException("trust level is missing");
        }
        return TrustLevel.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
