package io.sigil.scan.scanning;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigil.core.scan.Finding;
import io.sigil.core.scan.MemberNames;
import io.sigil.core.scan.Redaction;
import io.sigil.core.scan.ScanEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A JSON document scanned in its member names and its string values. Names that hold a finding are masked first, so
 * that no pointer in the findings repeats what a name revealed: a pointer through such a name names it masked, as
 * the redacted document has it.
 *
 * @param named the document with its names masked, values untouched
 * @param values the findings in the string values, at pointers into {@code named}
 * @param findings every finding as the API shows it, names first
 */
public record JsonScan(JsonNode named, List<Finding> values, List<FindingView> findings) {

    public JsonScan {
        values = List.copyOf(values);
        findings = List.copyOf(findings);
    }

    /**
     * @throws IllegalArgumentException if the document nests deeper than the engine walks
     */
    public static JsonScan of(ScanEngine engine, JsonNode document, Function<Finding, String> marker) {
        List<FindingView> views = new ArrayList<>();
        JsonNode named =
                MemberNames.mask(document, engine, "", group -> marker.apply(group.get(0)), (pointer, runs) -> {
                    for (MemberNames.Run run : runs) {
                        run.findings().forEach(finding -> views.add(FindingView.ofName(finding.at(pointer))));
                    }
                });
        List<Finding> values = engine.findings(named);
        values.forEach(finding -> views.add(FindingView.of(finding)));
        return new JsonScan(named, values, views);
    }

    /** The document with its names and values masked. */
    public JsonNode redacted(Function<Finding, String> marker) {
        return values.isEmpty() ? named : Redaction.mask(named, values, marker);
    }
}
