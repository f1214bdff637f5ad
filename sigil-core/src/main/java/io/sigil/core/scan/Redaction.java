package io.sigil.core.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Replaces findings by a marker: each span becomes the marker of its finding (the scanner registry's
 * {@code [SIGIL-REDACTED: category]}, the gateway's vault pointer); overlapping spans are replaced once, as one,
 * by the first finding's marker. In a JSON document only the string values holding findings change.
 */
public final class Redaction {

    private Redaction() {}

    /**
     * Writes the marker of a run of overlapping findings, told the text it replaces (the union of their spans), so
     * that the text can be kept elsewhere, e.g. sealed in the vault.
     */
    @FunctionalInterface
    public interface Marker {
        /**
         * @param group the overlapping findings, the first of them the one whose marker is written
         * @param replaced the original text the marker stands for
         */
        String mark(List<Finding> group, String replaced);
    }

    public static String mask(String text, List<Finding> findings, Function<Finding, String> marker) {
        return mask(text, findings, (group, replaced) -> marker.apply(group.get(0)));
    }

    public static String mask(String text, List<Finding> findings, Marker marker) {
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(Comparator.comparingInt(Finding::start)
                .thenComparing(Comparator.comparingInt(Finding::end).reversed()));
        StringBuilder out = new StringBuilder(text.length());
        int written = 0;
        int next = 0;
        while (next < ordered.size()) {
            int first = next;
            int end = ordered.get(first).end();
            next++;
            while (next < ordered.size() && ordered.get(next).start() < end) {
                end = Math.max(end, ordered.get(next).end());
                next++;
            }
            if (end <= written) {
                continue; // an empty finding where the text before it was already written
            }
            int start = ordered.get(first).start();
            end = Math.min(end, text.length());
            out.append(text, written, start);
            out.append(marker.mark(ordered.subList(first, next), text.substring(start, end)));
            written = end;
        }
        out.append(text, Math.min(written, text.length()), text.length());
        return out.toString();
    }

    /** A copy of the document with every string value that holds findings masked. */
    public static JsonNode mask(JsonNode document, List<Finding> findings, Function<Finding, String> marker) {
        return mask(document, findings, (group, replaced) -> marker.apply(group.get(0)));
    }

    /** A copy of the document with every string value that holds findings masked. */
    public static JsonNode mask(JsonNode document, List<Finding> findings, Marker marker) {
        JsonNode copy = document.deepCopy();
        Map<String, List<Finding>> byPointer = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byPointer
                    .computeIfAbsent(finding.jsonPath(), pointer -> new ArrayList<>())
                    .add(finding);
        }
        for (Map.Entry<String, List<Finding>> entry : byPointer.entrySet()) {
            replace(copy, entry.getKey(), entry.getValue(), marker);
        }
        return copy;
    }

    private static void replace(JsonNode root, String pointer, List<Finding> findings, Marker marker) {
        if (pointer == null || pointer.isEmpty()) {
            return;
        }
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object && object.get(last) instanceof TextNode value) {
            object.put(last, mask(value.textValue(), findings, marker));
        } else if (parent instanceof ArrayNode array && last.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(last);
            if (array.get(index) instanceof TextNode value) {
                array.set(index, TextNode.valueOf(mask(value.textValue(), findings, marker)));
            }
        }
    }
}
