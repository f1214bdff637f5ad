package io.sigil.gateway.pinning;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks in a tool's description, and in the descriptions and titles inside its inputSchema, for text aimed at
 * the model rather than the user: instructions to ignore or conceal, fake system tags, hidden characters,
 * blobs and references to other tools' secrets. RE2J keeps every check linear in the text's length.
 */
public final class InjectionScanner {

    private static final int MAX_DEPTH = 32;

    private static final Map<String, Pattern> PATTERNS = Map.of(
            "ignore-instructions",
                    Pattern.compile("(?i)\\b(ignore|disregard|forget|override)\\s+(all\\s+|any\\s+)?"
                            + "(previous|prior|above|earlier|other|your)\\s+(instructions|prompts|rules|directions)"),
            "conceal-from-user",
                    Pattern.compile("(?i)\\b(do\\s+not|don't|never)\\s+(tell|inform|mention|reveal|show|notify)"
                            + "\\s+(this\\s+|it\\s+|anything\\s+)?(to\\s+)?the\\s+user"),
            "instruction-tag", Pattern.compile("(?i)<\\s*/?\\s*(important|system|instructions?|secret|hidden)\\s*>"),
            "system-prompt", Pattern.compile("(?i)\\bsystem\\s+prompt"),
            "imperative-to-model",
                    Pattern.compile("(?i)\\byou\\s+must\\s+(first\\s+|always\\s+|also\\s+)?"
                            + "(read|send|call|include|pass|fetch|upload|forward)\\b"),
            "base64-blob", Pattern.compile("[A-Za-z0-9+/]{120,}={0,2}"),
            "credential-path",
                    Pattern.compile("(?i)(~/\\.ssh|\\.ssh/|\\bid_(rsa|ed25519|ecdsa)\\b|\\bmcp\\.json\\b"
                            + "|\\.aws/credentials|\\.netrc\\b|claude_desktop_config|\\.cursor/mcp)"));

    /** The markers found, sorted by name; empty for an ordinary tool. */
    public List<String> scan(JsonNode tool) {
        List<String> texts = new ArrayList<>();
        if (tool.path("description").isTextual()) {
            texts.add(tool.get("description").asText());
        }
        collectSchemaTexts(tool.path("inputSchema"), texts, 0);
        Set<String> found = new LinkedHashSet<>();
        for (String text : texts) {
            found.addAll(markersIn(text));
        }
        return found.stream().sorted().toList();
    }

    /** The markers in one text. */
    public Set<String> markersIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        PATTERNS.forEach((marker, pattern) -> {
            if (pattern.matcher(text).find()) {
                found.add(marker);
            }
        });
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (codePoint >= 0xE0000 && codePoint <= 0xE007F) {
                // Unicode tag characters render as nothing but models read them: ASCII smuggling.
                found.add("hidden-tag-characters");
            } else if (invisible(codePoint)) {
                found.add("invisible-characters");
            }
            i += Character.charCount(codePoint);
        }
        return found;
    }

    private static boolean invisible(int codePoint) {
        return (codePoint >= 0x200B && codePoint <= 0x200F)
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2060 && codePoint <= 0x2064)
                || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0xFEFF
                || codePoint == 0x00AD;
    }

    private static void collectSchemaTexts(JsonNode node, List<String> texts, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean prose =
                        field.getKey().equals("description") || field.getKey().equals("title");
                if (prose && field.getValue().isTextual()) {
                    texts.add(field.getValue().asText());
                } else {
                    collectSchemaTexts(field.getValue(), texts, depth + 1);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collectSchemaTexts(element, texts, depth + 1);
            }
        } else if (node.isTextual() && depth > 0) {
            // Enum values and defaults reach the model as well.
            texts.add(node.asText());
        }
    }
}
