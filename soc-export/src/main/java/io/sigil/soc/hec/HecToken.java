package io.sigil.soc.hec;

import java.util.Objects;

/** A Splunk HEC token: a credential, so it never appears in toString, logs or failure reasons. */
public final class HecToken {

    private static final String REDACTED = "***";

    private final String value;

    public HecToken(String value) {
        Objects.requireNonNull(value, "token");
        if (value.isBlank()) {
            throw new IllegalArgumentException("HEC token is blank");
        }
        this.value = value;
    }

    String authorizationHeader() {
        return "Splunk " + value;
    }

    /** Removes the token from text that came from elsewhere, such as a server's error body. */
    public String redact(String text) {
        return text == null ? "" : text.replace(value, REDACTED);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HecToken && ((HecToken) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "HecToken[" + REDACTED + "]";
    }
}
