package io.sigil.identity.did;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A W3C DID Resolution result, as the universal resolver's {@code /1.0/identifiers/{did}} answers it. Every
 * name is explicit: DID documents are camelCase, while the mesh's JSON default is snake_case.
 *
 * @param didDocument the document; null when resolution failed
 * @param didResolutionMetadata how resolution went: the content type, or the error
 * @param didDocumentMetadata facts about the document: created, updated, version, deactivation
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DidResolution(
        @JsonProperty("didDocument") Document didDocument,
        @JsonProperty("didResolutionMetadata") ResolutionMetadata didResolutionMetadata,
        @JsonProperty("didDocumentMetadata") Map<String, Object> didDocumentMetadata) {

    /**
     * A DID document (DID Core 1.0) for an agent of the registry.
     *
     * @param context the JSON-LD contexts: DID Core's, and the definition of the {@code sigil} property
     * @param id the DID
     * @param controller the DID of the registry that maintains the document
     * @param alsoKnownAs the agent's OAuth client, as {@code urn:sigil:oauth-client:<client_id>}
     * @param sigil the registry's own facts about the agent (an opaque JSON value in JSON-LD terms)
     */
    public record Document(
            @JsonProperty("@context") List<Object> context,
            @JsonProperty("id") String id,
            @JsonProperty("controller") String controller,
            @JsonProperty("alsoKnownAs") List<String> alsoKnownAs,
            @JsonProperty("sigil") Map<String, Object> sigil) {}

    /**
     * Resolution metadata: {@code contentType} on success, {@code error} (and a sentence) on failure.
     *
     * @param contentType the media type of the document
     * @param error {@code invalidDid}, {@code notFound} or {@code methodNotSupported}
     * @param errorMessage a sentence for people
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResolutionMetadata(
            @JsonProperty("contentType") String contentType,
            @JsonProperty("error") String error,
            @JsonProperty("errorMessage") String errorMessage) {}
}
