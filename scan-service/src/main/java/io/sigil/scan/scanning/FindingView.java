package io.sigil.scan.scanning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sigil.core.scan.Finding;

/**
 * A finding as the API shows it: where and what kind, never the matched value, so that a scan result can be
 * logged and audited without becoming the leak it reports.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingView(
        String detector,
        String category,
        String severity,
        int start,
        int end,
        @JsonProperty("json_pointer") String jsonPointer) {

    public static FindingView of(Finding finding) {
        return new FindingView(
                finding.detectorId(),
                finding.category(),
                finding.severity().name().toLowerCase(java.util.Locale.ROOT),
                finding.start(),
                finding.end(),
                finding.jsonPath());
    }
}
