package io.sigil.gateway.auth;

import io.sigil.gateway.config.GatewayConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes the protected-resource metadata, unauthenticated: a client that was refused with 401 follows
 * {@code resource_metadata} here to learn which authorization server issues tokens for the gateway.
 */
@Path(ResourceMetadata.WELL_KNOWN)
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ResourceMetadataResource {

    private final ResourceMetadata metadata;

    public ResourceMetadataResource(
            GatewayConfig config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authorizationServer) {
        // Keycloak's realm URL is also its issuer, which is what RFC 9728 asks for here.
        this.metadata = new ResourceMetadata(
                config.resource().toString(),
                List.of(authorizationServer),
                List.of("header"),
                config.scopes().orElse(null),
                config.resourceName());
    }

    /** The form for clients that know only the host. */
    @GET
    public ResourceMetadata root() {
        return metadata;
    }

    /** The path-suffixed form of RFC 9728 §3.1, for the resource {@code /mcp}. */
    @GET
    @Path("/mcp")
    public ResourceMetadata mcp() {
        return metadata;
    }
}
