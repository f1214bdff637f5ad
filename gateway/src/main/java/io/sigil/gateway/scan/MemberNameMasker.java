package io.sigil.gateway.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.model.Interception;
import io.sigil.core.model.OpaquePointer;
import io.sigil.core.scan.Finding;
import io.sigil.core.scan.Redaction;
import io.sigil.core.scan.ScanEngine;
import io.sigil.gateway.vault.SealedFindings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scans the member names of a JSON part, which the engine's walk leaves alone, and replaces a name that holds a
 * finding by its masked form: a tool that answers with a map keyed by IBAN or e-mail address must not pass them on
 * as keys. Each distinct name is scanned once per part. A masked name that would repeat a name of its object gets
 * {@code " #2"}, {@code " #3"}, …, so that no member is lost. Runs before the values are scanned, so that every
 * path the interceptions name is a path in what leaves the gateway, free of what was masked.
 */
public final class MemberNameMasker {

    private MemberNameMasker() {}

    /**
     * The part with every member name that holds a finding masked (a copy; the part itself when no name holds one),
     * each masked name's text sealed into {@code sealed} (unless it is {@code null}) and named as an interception.
     *
     * @throws IllegalArgumentException if the part nests deeper than the engine walks: it cannot be scanned
     */
    public static JsonNode mask(
            JsonNode part,
            ScanEngine engine,
            String base,
            String direction,
            List<Interception> interceptions,
            SealedFindings sealed) {
        Map<String, List<Finding>> byName = new HashMap<>();
        if (!scanNames(part, engine, byName)) {
            return part;
        }
        JsonNode copy = part.deepCopy();
        Deque<Located> stack = new ArrayDeque<>();
        stack.push(new Located(copy, base));
        while (!stack.isEmpty()) {
            Located at = stack.pop();
            if (at.node() instanceof ObjectNode object) {
                rename(object, at.pointer(), byName, direction, interceptions, sealed, stack);
            } else if (at.node().isArray()) {
                for (int i = 0; i < at.node().size(); i++) {
                    stack.push(new Located(at.node().get(i), at.pointer() + "/" + i));
                }
            }
        }
        return copy;
    }

    /** Scans each distinct name once; true when any holds a finding. */
    private static boolean scanNames(JsonNode part, ScanEngine engine, Map<String, List<Finding>> byName) {
        boolean found = false;
        Deque<JsonNode> stack = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        stack.push(part);
        depths.push(0);
        while (!stack.isEmpty()) {
            JsonNode node = stack.pop();
            int depth = depths.pop();
            if (depth > ScanEngine.MAX_JSON_DEPTH) {
                throw new IllegalArgumentException("JSON nested deeper than " + ScanEngine.MAX_JSON_DEPTH + " levels");
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    List<Finding> findings = byName.get(member.getKey());
                    if (findings == null) {
                        findings = engine.findings(member.getKey());
                        byName.put(member.getKey(), findings);
                    }
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
            String direction,
            List<Interception> interceptions,
            SealedFindings sealed,
            Deque<Located> stack) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.properties());
        Set<String> kept = new HashSet<>();
        for (Map.Entry<String, JsonNode> member : members) {
            if (byName.get(member.getKey()).isEmpty()) {
                kept.add(member.getKey());
            }
        }
        object.removeAll();
        for (Map.Entry<String, JsonNode> member : members) {
            String name = member.getKey();
            List<Finding> findings = byName.get(name);
            if (!findings.isEmpty()) {
                List<Replaced> replaced = new ArrayList<>();
                String masked = Redaction.mask(name, findings, (group, text) -> {
                    String category = FindingMasker.category(group.get(0));
                    replaced.add(new Replaced(category, text));
                    return OpaquePointer.render(category);
                });
                name = unique(masked, kept);
                String path = pointer + "/" + escape(name);
                for (Replaced one : replaced) {
                    String id = sealed == null ? null : sealed.seal(one.category(), path, direction, one.text());
                    interceptions.add(new Interception(one.category(), id, path, direction));
                }
            }
            object.set(name, member.getValue());
            if (member.getValue().isContainerNode()) {
                stack.push(new Located(member.getValue(), pointer + "/" + escape(name)));
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

    /** RFC 6901: {@code ~} becomes {@code ~0} first, then {@code /} becomes {@code ~1}. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private record Located(JsonNode node, String pointer) {}

    /** What one pointer in a name stands for, kept until the name's final form (and so its path) is known. */
    private record Replaced(String category, String text) {}
}
