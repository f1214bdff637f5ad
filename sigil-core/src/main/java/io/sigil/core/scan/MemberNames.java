package io.sigil.core.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Scans the member names of a JSON document, which the engine's walk of values leaves alone, and masks a name that
 * holds a finding: a tool that answers with a map keyed by IBAN or e-mail address must not pass them on as keys. Each
 * distinct name is scanned once per document. A masked name that would repeat a name of its object gets {@code " #2"},
 * {@code " #3"}, …, so that no member is lost. Mask names before scanning values, so that every pointer the value
 * findings carry is a pointer into the masked document, free of what was masked.
 */
public final class MemberNames {

    /** Told of each name that was masked, once its final form (and so its pointer) is known. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param pointer the RFC 6901 pointer of the member under its masked name, after the caller's base
         * @param runs each run of overlapping findings the name held, with the text its marker replaced
         */
        void masked(String pointer, List<Run> runs);
    }

    /** One run of overlapping findings in a name (spans in the original name), and the text its marker replaced. */
    public record Run(List<Finding> findings, String text) {

        public Run {
            findings = List.copyOf(findings);
        }
    }

    private MemberNames() {}

    /**
     * The document with every member name that holds a finding masked (a copy; the document itself when no name
     * holds one). Each run of overlapping findings is replaced by {@code marker} of the run's findings, first the one
     * whose marker is written.
     *
     * @param base the pointer of the document in its message, prefixed to every pointer the listener is told
     * @throws IllegalArgumentException if the document nests deeper than {@link ScanEngine#MAX_JSON_DEPTH}: it
     *     cannot be scanned, so the caller must refuse it
     */
    public static JsonNode mask(
            JsonNode document,
            ScanEngine engine,
            String base,
            Function<List<Finding>, String> marker,
            Listener listener) {
        Map<String, List<Finding>> byName = new HashMap<>();
        if (document == null || !scanNames(document, engine, byName)) {
            return document;
        }
        JsonNode copy = document.deepCopy();
        Deque<Located> stack = new ArrayDeque<>();
        stack.push(new Located(copy, base));
        while (!stack.isEmpty()) {
            Located at = stack.pop();
            if (at.node() instanceof ObjectNode object) {
                rename(object, at.pointer(), byName, marker, listener, stack);
            } else if (at.node().isArray()) {
                for (int i = 0; i < at.node().size(); i++) {
                    stack.push(new Located(at.node().get(i), at.pointer() + "/" + i));
                }
            }
        }
        return copy;
    }

    /** Scans each distinct name once; true when any holds a finding. */
    private static boolean scanNames(JsonNode document, ScanEngine engine, Map<String, List<Finding>> byName) {
        boolean found = false;
        Deque<JsonNode> stack = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        stack.push(document);
        depths.push(0);
        while (!stack.isEmpty()) {
            JsonNode node = stack.pop();
            int depth = depths.pop();
            if (depth > ScanEngine.MAX_JSON_DEPTH) {
                throw new IllegalArgumentException("JSON nested deeper than " + ScanEngine.MAX_JSON_DEPTH + " levels");
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    List<Finding> findings = byName.computeIfAbsent(member.getKey(), engine::findings);
                    found |= !findings.isEmpty();
                    push(stack, depths, member.getValue(), depth);
                }
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    push(stack, depths, element, depth);
                }
            }
        }
        return found;
    }

    private static void push(Deque<JsonNode> stack, Deque<Integer> depths, JsonNode child, int depth) {
        if (child.isContainerNode()) {
            stack.push(child);
            depths.push(depth + 1);
        }
    }

    private static void rename(
            ObjectNode object,
            String pointer,
            Map<String, List<Finding>> byName,
            Function<List<Finding>, String> marker,
            Listener listener,
            Deque<Located> stack) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.properties());
        Set<String> taken = new HashSet<>();
        for (Map.Entry<String, JsonNode> member : members) {
            if (byName.get(member.getKey()).isEmpty()) {
                taken.add(member.getKey());
            }
        }
        object.removeAll();
        for (Map.Entry<String, JsonNode> member : members) {
            String name = member.getKey();
            List<Finding> findings = byName.get(name);
            String at;
            if (findings.isEmpty()) {
                at = pointer + "/" + ScanEngine.escape(name);
            } else {
                List<Run> runs = new ArrayList<>();
                String masked = Redaction.mask(name, findings, (group, text) -> {
                    runs.add(new Run(group, text));
                    return marker.apply(group);
                });
                name = unique(masked, taken);
                at = pointer + "/" + ScanEngine.escape(name);
                listener.masked(at, runs);
            }
            object.set(name, member.getValue());
            if (member.getValue().isContainerNode()) {
                stack.push(new Located(member.getValue(), at));
            }
        }
    }

    private static String unique(String masked, Set<String> taken) {
        String name = masked;
        for (int n = 2; taken.contains(name); n++) {
            name = masked + " #" + n;
        }
        taken.add(name);
        return name;
    }

    private record Located(JsonNode node, String pointer) {}
}
