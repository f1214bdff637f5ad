package io.sigil.gateway.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sigil.core.model.Interception;
import io.sigil.core.model.OpaquePointer;
import io.sigil.core.scan.Finding;
import io.sigil.core.scan.Redaction;
import java.util.List;

/**
 * Replaces the findings in a part of a JSON-RPC message by the protocol's pointer text
 * {@code [SIGIL-VAULT: category — Access Required]} and names each replacement as an interception, by category,
 * place and direction — never by value.
 */
public final class FindingMasker {

    private FindingMasker() {}

    /** The masked copy of {@code part}. */
    public static JsonNode mask(JsonNode part, List<Finding> findings) {
        if (part.isTextual()) {
            return TextNode.valueOf(Redaction.mask(part.textValue(), findings, FindingMasker::pointer));
        }
        return Redaction.mask(part, findings, FindingMasker::pointer);
    }

    /**
     * The masked copy of {@code part}, each finding added to {@code interceptions}; {@code base} is the JSON pointer
     * of the part in its message.
     */
    public static JsonNode mask(
            JsonNode part, List<Finding> findings, String base, String direction, List<Interception> interceptions) {
        for (Finding finding : findings) {
            interceptions.add(interception(finding, base, direction));
        }
        return mask(part, findings);
    }

    private static String pointer(Finding finding) {
        return OpaquePointer.render(category(finding));
    }

    private static Interception interception(Finding finding, String base, String direction) {
        String path = finding.jsonPath() == null ? base : base + finding.jsonPath();
        return new Interception(category(finding), null, path, direction);
    }

    /** The category as the pointer may carry it: never a {@code ]} or the em dash that frame the pointer. */
    static String category(Finding finding) {
        String category = finding.category().replace(']', ')').replace(OpaquePointer.DASH, "-");
        return category.isBlank() ? "Sensitive Data" : category;
    }
}
