package io.sigil.scan.persistence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a scanner pack stands in verification; only a verified pack may ever reach the gateway. */
public enum ScannerPackStatus {
    SUBMITTED,
    VERIFIED,
    REJECTED;

    /** The form stored in the database and written on the wire: {@code submitted}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScannerPackStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
