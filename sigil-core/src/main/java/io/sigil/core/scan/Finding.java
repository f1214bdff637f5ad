package io.sigil.core.scan;

import java.util.Objects;

/**
 * One confirmed match. The span always refers to the ORIGINAL text the caller passed in, never to its
 * normalised form; a finding inside a base64 token spans the whole token.
 *
 * @param detectorId the detector that matched
 * @param category the human-readable category, e.g. {@code IBAN}
 * @param severity how harmful a leak would be
 * @param start first char index in the original text (inclusive)
 * @param end last char index in the original text (exclusive)
 * @param jsonPath an RFC 6901 JSON pointer to the string value, or {@code null} for plain text
 */
public record Finding(String detectorId, String category, Severity severity, int start, int end, String jsonPath) {

    public Finding {
        Objects.requireNonNull(detectorId, "detectorId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** The same finding located at a JSON pointer. */
    public Finding at(String pointer) {
        return new Finding(detectorId, category, severity, start, end, pointer);
    }
}
