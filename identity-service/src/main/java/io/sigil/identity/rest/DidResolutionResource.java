package io.sigil.identity.rest;

import io.sigil.identity.config.IdentityConfig;
import io.sigil.identity.did.DidDocuments;
import io.sigil.identity.did.DidSyntax;
import io.sigil.identity.registry.AgentRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * DID resolution in the universal resolver's form, {@code GET /1.0/identifiers/{did}}: the agent's DID document
 * with its resolution and document metadata; errors are resolution results too ({@code invalidDid},
 * {@code notFound}, {@code methodNotSupported}).
 */
@Path("/1.0/identifiers")
@Produces(MediaType.APPLICATION_JSON)
public class DidResolutionResource {

    private final AgentRegistry registry;
    private final DidDocuments documents;

    public DidResolutionResource(AgentRegistry registry, IdentityConfig config) {
        this.registry = registry;
        this.documents = new DidDocuments(config.registryDid());
    }

    @GET
    @Path("/{did}")
    @RolesAllowed({"agent", "auditor", "admin"})
    public Uni<Response> resolve(@PathParam("did") String did) {
        if (!DidSyntax.isDid(did)) {
            return Uni.createFrom().item(answer(DidDocuments.invalidDid()));
        }
        if (!DidSyntax.isSigilDid(did)) {
            return Uni.createFrom().item(answer(DidDocuments.methodNotSupported()));
        }
        return registry.find(did)
                .map(agent -> answer(agent.map(documents::resolved).orElseGet(() -> DidDocuments.notFound(did))));
    }

    private static Response answer(DidDocuments.Answer answer) {
        return Response.status(answer.status()).entity(answer.resolution()).build();
    }
}
