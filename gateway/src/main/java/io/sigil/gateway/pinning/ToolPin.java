package io.sigil.gateway.pinning;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One version of an upstream tool's definition as the gateway recorded it.
 *
 * @param upstream the upstream's configured name
 * @param tool the tool's name
 * @param digest the {@link ToolDigest} of this version
 * @param definition the pinned members of the tool as listed
 * @param firstSeen when this version was first listed
 * @param status {@code approved} (may be used) or {@code pending} (awaits an administrator)
 * @param changeOf the digest this version replaced, null for the first version seen
 * @param markers injection markers found in it
 * @param approvedBy who approved it, null when approved by first sight
 * @param approvedAt when an administrator approved it
 */
public record ToolPin(
        String upstream,
        String tool,
        String digest,
        JsonNode definition,
        Instant firstSeen,
        String status,
        String changeOf,
        List<String> markers,
        String approvedBy,
        Instant approvedAt) {

    public static final String APPROVED = "approved";
    public static final String PENDING = "pending";

    public ToolPin {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(status, "status");
        markers = markers == null ? List.of() : List.copyOf(markers);
    }

    public boolean approved() {
        return APPROVED.equals(status);
    }
}
