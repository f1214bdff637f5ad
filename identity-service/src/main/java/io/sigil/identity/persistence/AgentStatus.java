package io.sigil.identity.persistence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an agent stands in its lifecycle; only an active agent may call through the gateway. */
public enum AgentStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED;

    /** The form stored in the database and written on the wire: {@code active}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AgentStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
