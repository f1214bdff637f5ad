package io.sigil.gateway.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import io.sigil.gateway.pinning.ToolDigest;
import java.util.Optional;

/**
 * One tool an upstream offers, with its input schema compiled once. A tool whose schema cannot be used
 * safely carries the reason, and calls to it are refused.
 *
 * @param name the tool's name
 * @param definition the tool as the upstream listed it
 * @param schema the compiled {@code inputSchema}, absent when the tool is unusable
 * @param unusable why calls to the tool are refused, absent when it is usable
 * @param digest the digest the tool is pinned by ({@link ToolDigest}), computed once per catalogue fetch
 */
public record ToolDefinition(
        String name, JsonNode definition, Optional<JsonSchema> schema, Optional<String> unusable, String digest) {}
