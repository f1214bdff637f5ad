package io.sigil.identity.did;

import io.sigil.core.identity.AgentStatus;
import io.sigil.core.identity.RegisteredAgent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns registry entries into DID resolution results, and names the resolution errors. Pure: the HTTP status
 * each result deserves is decided here too, after the DID Resolution HTTP(S) binding.
 */
public final class DidDocuments {

    public static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";
    public static final String CONTENT_TYPE = "application/did+ld+json";

    /** Defines the {@code sigil} property as an opaque JSON value, so the document stays valid JSON-LD. */
    static final Map<String, Object> SIGIL_CONTEXT =
            Map.of("sigil", Map.of("@id", "urn:sigil:terms:agent", "@type", "@json"));

    private final String controller;

    public DidDocuments(String controller) {
        this.controller = controller;
    }

    /** A resolution result and its HTTP status. */
    public record Answer(int status, DidResolution resolution) {}

    /** The agent's document: 200, or 410 Gone for a revoked (deactivated) agent, as the HTTP binding says. */
    public Answer resolved(RegisteredAgent agent) {
        Map<String, Object> sigil = new LinkedHashMap<>();
        sigil.put("client_id", agent.clientId());
        sigil.put("owner", agent.owner());
        sigil.put("status", agent.status().wireName());
        sigil.put("max_trust_level", agent.maxTrustLevel().wireName());
        sigil.put("allowed_upstreams", agent.allowedUpstreams());
        DidResolution.Document document = new DidResolution.Document(
                List.of(DID_CONTEXT, SIGIL_CONTEXT),
                agent.did(),
                controller,
                List.of("urn:sigil:oauth-client:" + agent.clientId()),
                sigil);
        boolean deactivated = agent.status() == AgentStatus.REVOKED;
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("created", timestamp(agent.createdAt()));
        metadata.put("updated", timestamp(agent.updatedAt()));
        metadata.put("versionId", Long.toString(agent.version()));
        metadata.put("deactivated", deactivated);
        return new Answer(
                deactivated ? 410 : 200,
                new DidResolution(document, new DidResolution.ResolutionMetadata(CONTENT_TYPE, null, null), metadata));
    }

    public static Answer invalidDid() {
        return failed(400, "invalidDid", "the identifier is not a DID");
    }

    public static Answer methodNotSupported() {
        return failed(501, "methodNotSupported", "this resolver serves did:sigil: identifiers only");
    }

    public static Answer notFound(String did) {
        return failed(404, "notFound", "no agent is registered as " + did);
    }

    private static Answer failed(int status, String error, String message) {
        return new Answer(
                status, new DidResolution(null, new DidResolution.ResolutionMetadata(null, error, message), Map.of()));
    }

    /** DID Core's form: UTC, no fractional seconds. */
    private static String timestamp(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
