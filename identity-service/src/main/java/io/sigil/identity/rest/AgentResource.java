package io.sigil.identity.rest;

import io.sigil.identity.persistence.Agent;
import io.sigil.identity.registry.AgentRegistry;
import io.sigil.identity.registry.NewAgent;
import io.sigil.runtime.rest.Responses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The agent registry's REST API: auditors and administrators read it, only administrators register. */
@Path("/api/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentRegistry registry;

    public AgentResource(AgentRegistry registry) {
        this.registry = registry;
    }

    @GET
    @RolesAllowed({"auditor", "admin"})
    public Uni<List<Agent>> list() {
        return registry.list();
    }

    @GET
    @Path("/{did}")
    @RolesAllowed({"auditor", "admin"})
    public Uni<Response> get(@PathParam("did") String did) {
        return registry.find(did)
                .map(agent -> agent.map(found -> Response.ok(found).build())
                        .orElseGet(() -> Responses.notFound("no agent is registered as " + did)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Uni<Response> register(NewAgent request) {
        return registry.register(request).map(registration -> Responses.created(registration, "invalid_agent"));
    }
}
