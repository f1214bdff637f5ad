package io.sigil.gateway.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.sigil.gateway.pinning.ToolDigest;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles an upstream tool's {@code inputSchema} as JSON Schema 2020-12 (the MCP default). Upstream
 * schemas are untrusted: one that refers to anything outside itself is refused rather than fetched, so an
 * upstream can never make the gateway open a connection.
 */
final class SchemaCompiler {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final int MAX_DEPTH = 32;

    private SchemaCompiler() {}

    static ToolDefinition compile(String name, JsonNode tool) {
        JsonNode inputSchema = tool.get("inputSchema");
        if (inputSchema == null || !inputSchema.isObject()) {
            return unusable(name, tool, "the tool has no inputSchema object");
        }
        Optional<String> external = externalReference(inputSchema, 0);
        if (external.isPresent()) {
            return unusable(name, tool, external.get());
        }
        try {
            return new ToolDefinition(
                    name, tool, Optional.of(FACTORY.getSchema(inputSchema)), Optional.empty(), ToolDigest.of(tool));
        } catch (RuntimeException invalid) {
            return unusable(name, tool, "the tool's inputSchema is not a valid JSON Schema");
        }
    }

    private static ToolDefinition unusable(String name, JsonNode tool, String reason) {
        return new ToolDefinition(name, tool, Optional.empty(), Optional.of(reason), ToolDigest.of(tool));
    }

    /** The first {@code $ref}, {@code $dynamicRef} or {@code $id} that leaves the document, if any. */
    private static Optional<String> externalReference(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.of("the tool's inputSchema is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                boolean reference = key.equals("$ref") || key.equals("$dynamicRef") || key.equals("$id");
                if (reference
                        && field.getValue().isTextual()
                        && !field.getValue().asText().startsWith("#")) {
                    return Optional.of("the tool's inputSchema refers to an external document (" + key + ")");
                }
                Optional<String> nested = externalReference(field.getValue(), depth + 1);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<String> nested = externalReference(element, depth + 1);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }
}
