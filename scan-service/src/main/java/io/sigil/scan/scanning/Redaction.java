package io.sigil.scan.scanning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sigil.core.scan.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks findings: each span becomes {@code [SIGIL-REDACTED: category]}; overlapping spans are masked once, as
 * one, under the first finding's category. In a JSON document only the string values holding findings change.
 */
public final class Redaction {

    private Redaction() {}

    public static String mask(String text, List<Finding> findings) {
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(Comparator.comparingInt(Finding::start)
                .thenComparing(Comparator.comparingInt(Finding::end).reversed()));
        StringBuilder out = new StringBuilder(text.length());
        int written = 0;
        for (Finding finding : ordered) {
            if (finding.end() <= written) {
                continue;
            }
            int start = Math.max(finding.start(), written);
            out.append(text, written, start);
            if (start == finding.start()) {
                out.append("[SIGIL-REDACTED: ").append(finding.category()).append(']');
            }
            written = Math.min(finding.end(), text.length());
        }
        out.append(text, Math.min(written, text.length()), text.length());
        return out.toString();
    }

    /** A copy of the document with every string value that holds findings masked. */
    public static JsonNode mask(JsonNode document, List<Finding> findings) {
        JsonNode copy = document.deepCopy();
        Map<String, List<Finding>> byPointer = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byPointer
                    .computeIfAbsent(finding.jsonPath(), pointer -> new ArrayList<>())
                    .add(finding);
        }
        for (Map.Entry<String, List<Finding>> entry : byPointer.entrySet()) {
            replace(copy, entry.getKey(), entry.getValue());
        }
        return copy;
    }

    private static void replace(JsonNode root, String pointer, List<Finding> findings) {
        if (pointer == null || pointer.isEmpty()) {
            return;
        }
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object && object.get(last) instanceof TextNode value) {
            object.put(last, mask(value.textValue(), findings));
        } else if (parent instanceof ArrayNode array && last.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(last);
            if (array.get(index) instanceof TextNode value) {
                array.set(index, TextNode.valueOf(mask(value.textValue(), findings)));
            }
        }
    }
}
