package io.sigil.scan.scanning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sigil.core.scan.Finding;

/**
 * A finding as the API shows it: where and what kind, never the matched value, so that a scan result can be
 * logged and audited without becoming the leak it reports.
 *
 * @param in {@code member_name} for a finding in a JSON member's name (its span is in the name, its pointer names
 *     the member masked); absent for a finding in a value or in plain text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingView(
        String detector,
        String category,
        String severity,
        int start,
        int end,
        @JsonProperty("json_pointer") String jsonPointer,
        String in) {

    static final String MEMBER_NAME = "member_name";

    public static FindingView of(Finding finding) {
        return of(finding, null);
    }

    /** A finding in a member's name, at the pointer of the member masked. */
    public static FindingView ofName(Finding finding) {
        return of(finding, MEMBER_NAME);
    }

    private static FindingView of(Finding finding, String in) {
        return new FindingView(
                finding.detectorId(),
                finding.category(),
                finding.severity().name().toLowerCase(java.util.Locale.ROOT),
                finding.start(),
                finding.end(),
                finding.jsonPath(),
                in);
    }
}
