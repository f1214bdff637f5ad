package io.sigil.scan.scanning;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What to scan: plain {@code text}, or a {@code json} document whose every string value is scanned. Exactly one
 * of them.
 */
public record ScanRequest(String text, JsonNode json) {

    /** Why the request cannot be scanned; null when it can. */
    public String problem() {
        if ((text == null) == (json == null || json.isNull())) {
            return "give exactly one of text (a string) or json (a JSON document)";
        }
        return null;
    }
}
