package io.sigil.gateway.pinning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.ledger.Jcs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest a tool is pinned by: SHA-256 over the RFC 8785 canonical JSON (the mesh's one canonical form) of its name,
 * description, inputSchema and annotations. Other members (titles, icons, {@code _meta}) may change freely.
 */
public final class ToolDigest {

    private static final String[] PINNED = {"name", "description", "inputSchema", "annotations"};

    private ToolDigest() {}

    /** The members of a tool that its pin covers, as the upstream listed them. */
    public static ObjectNode pinned(JsonNode tool) {
        ObjectNode pinned = JsonNodeFactory.instance.objectNode();
        for (String member : PINNED) {
            if (tool.has(member)) {
                pinned.set(member, tool.get(member));
            }
        }
        return pinned;
    }

    /** The pinned part of the tool, in canonical form. */
    public static String canonical(JsonNode tool) {
        return Jcs.canonicalString(pinned(tool));
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
