package io.sigil.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The outcome of a policy evaluation. */
public enum Decision {
    ALLOW,
    DENY,
    /** A human must confirm before the call proceeds. */
    CONFIRM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
