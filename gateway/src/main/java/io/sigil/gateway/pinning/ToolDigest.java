package io.sigil.gateway.pinning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest a tool is pinned by: SHA-256 over the canonical JSON (sorted keys, no whitespace) of its name,
 * description, inputSchema and annotations. Other members (titles, icons, {@code _meta}) may change freely.
 */
public final class ToolDigest {

    private static final String[] PINNED = {"name", "description", "inputSchema", "annotations"};
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private ToolDigest() {}

    /** The pinned part of the tool, in canonical form. */
    public static String canonical(JsonNode tool) {
        ObjectNode pinned = JsonNodeFactory.instance.objectNode();
        for (String member : PINNED) {
            if (tool.has(member)) {
                pinned.set(member, tool.get(member));
            }
        }
        try {
            // Tree nodes keep insertion order; going through a plain map lets the mapper sort every level.
            Object plain = CANONICAL.treeToValue(pinned, Object.class);
            return CANONICAL.writeValueAsString(plain);
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException("a JSON tree could not be written", impossible);
        }
    }

    /** {@code sha256:} and the lower-case hex digest of {@link #canonical}. */
    public static String of(JsonNode tool) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(canonical(tool).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
