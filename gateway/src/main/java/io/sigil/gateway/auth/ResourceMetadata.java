package io.sigil.gateway.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * The gateway's OAuth 2.0 protected-resource metadata (RFC 9728 §2); Jackson's snake_case naming gives the
 * RFC's member names.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceMetadata(
        String resource,
        List<String> authorizationServers,
        List<String> bearerMethodsSupported,
        List<String> scopesSupported,
        String resourceName) {

    /** The well-known path prefix of RFC 9728 §3. */
    public static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    /**
     * Where the metadata of a resource is published (RFC 9728 §3.1): the well-known segment goes between the
     * host and the resource's path, so {@code http://h/mcp} has its metadata at
     * {@code http://h/.well-known/oauth-protected-resource/mcp}.
     */
    public static URI locationOf(URI resource) {
        String path = resource.getRawPath() == null || "/".equals(resource.getRawPath()) ? "" : resource.getRawPath();
        return URI.create(resource.getScheme() + "://" + resource.getRawAuthority() + WELL_KNOWN + path);
    }
}
