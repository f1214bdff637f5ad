package io.sigil.gateway.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sigil.core.model.Interception;
import io.sigil.core.model.OpaquePointer;
import io.sigil.core.scan.Finding;
import io.sigil.core.scan.MemberNames;
import io.sigil.core.scan.Redaction;
import io.sigil.core.scan.ScanEngine;
import io.sigil.gateway.vault.SealedFindings;
import java.util.List;

/**
 * Replaces the findings in a part of a JSON-RPC message by the protocol's pointer text
 * {@code [SIGIL-VAULT: category — Access Required]}, seals the text each pointer stands for, and names each
 * replacement as an interception, by category, place, direction and vault id — never by value.
 */
public final class FindingMasker {

    private FindingMasker() {}

    /**
     * Scans a part of a message, member names first and then string values, and masks whatever holds a finding:
     * the part itself when nothing does, else a masked copy; every finding is sealed into {@code sealed} (unless it
     * is {@code null}) and added to {@code interceptions}.
     *
     * @throws IllegalArgumentException if the part cannot be walked: the caller must refuse it
     */
    public static JsonNode scanAndMask(
            JsonNode part,
            ScanEngine engine,
            String base,
            String direction,
            List<Interception> interceptions,
            SealedFindings sealed) {
        JsonNode named = MemberNames.mask(part, engine, base, group -> pointer(group.get(0)), (path, runs) -> {
            for (MemberNames.Run run : runs) {
                String category = category(run.findings().get(0));
                String id = sealed == null ? null : sealed.seal(category, path, direction, run.text());
                interceptions.add(new Interception(category, id, path, direction));
            }
        });
        List<Finding> findings = engine.findings(named);
        return findings.isEmpty() ? named : mask(named, findings, base, direction, interceptions, sealed);
    }

    /**
     * The masked copy of {@code part}: the text of each pointer sealed into {@code sealed} (or dropped, when it is
     * {@code null}), each finding added to {@code interceptions} with its entry's id; {@code base} is the JSON
     * pointer of the part in its message. Overlapping findings share one pointer and one entry.
     */
    private static JsonNode mask(
            JsonNode part,
            List<Finding> findings,
            String base,
            String direction,
            List<Interception> interceptions,
            SealedFindings sealed) {
        return mask(part, findings, (group, replaced) -> {
            Finding first = group.get(0);
            String id = sealed == null ? null : sealed.seal(category(first), path(first, base), direction, replaced);
            for (Finding finding : group) {
                interceptions.add(new Interception(category(finding), id, path(finding, base), direction));
            }
            return pointer(first);
        });
    }

    private static JsonNode mask(JsonNode part, List<Finding> findings, Redaction.Marker marker) {
        if (part.isTextual()) {
            return TextNode.valueOf(Redaction.mask(part.textValue(), findings, marker));
        }
        return Redaction.mask(part, findings, marker);
    }

    private static String pointer(Finding finding) {
        return OpaquePointer.render(category(finding));
    }

    private static String path(Finding finding, String base) {
        return finding.jsonPath() == null ? base : base + finding.jsonPath();
    }

    /** The category as the pointer may carry it: never a {@code ]} or the em dash that frame the pointer. */
    private static String category(Finding finding) {
        String category = finding.category().replace(']', ')').replace(OpaquePointer.DASH, "-");
        return category.isBlank() ? "Sensitive Data" : category;
    }
}
