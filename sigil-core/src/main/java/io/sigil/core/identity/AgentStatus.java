package io.sigil.core.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an agent stands in its lifecycle; only an active agent may call through the gateway. */
public enum AgentStatus {
    ACTIVE,
    SUSPENDED,
    /** Final: a revoked agent is never active again. */
    REVOKED;

    /** The form stored in the database and written on the wire: {@code active}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AgentStatus fromWire(String value) {
        if (value == null) {
            throw new IllegalArgumentException("status is missing");
        }
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** Whether an agent may move from this status to {@code next}; revocation cannot be undone. */
    public boolean canBecome(AgentStatus next) {
        return this != REVOKED || next == REVOKED;
    }
}
