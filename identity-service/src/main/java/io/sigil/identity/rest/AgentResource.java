package io.sigil.identity.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.identity.registry.AgentPatch;
import io.sigil.identity.registry.AgentRegistry;
import io.sigil.identity.registry.NewAgent;
import io.sigil.identity.registry.StatusChange;
import io.sigil.runtime.rest.Responses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The agent registry's REST API: auditors and administrators read it, only administrators write. A write answers
 * once the identities topic has acknowledged it (201/200), or 202 with {@code "published": false} when the broker
 * has not within {@code sigil.identity.publish-wait}; the change is stored and will be published.
 */
@Path("/api/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private static final String INVALID = "invalid_agent";

    private final AgentRegistry registry;
    private final Callers callers;
    private final ObjectMapper mapper;

    public AgentResource(AgentRegistry registry, Callers callers, ObjectMapper mapper) {
        this.registry = registry;
        this.callers = callers;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({"auditor", "admin"})
    public Uni<List<RegisteredAgent>> list() {
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
        return registry.register(request, callers.current()).map(outcome -> Answers.of(outcome, INVALID));
    }

    @PATCH
    @Path("/{did}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed("admin")
    public Uni<Response> patch(@PathParam("did") String did, AgentPatch patch) {
        return registry.patch(did, patch, callers.current()).map(outcome -> Answers.of(outcome, INVALID));
    }

    @POST
    @Path("/{did}/suspend")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("admin")
    public Uni<Response> suspend(@PathParam("did") String did, String body) throws JsonProcessingException {
        return change(did, StatusChange.SUSPEND, body);
    }

    @POST
    @Path("/{did}/reactivate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("admin")
    public Uni<Response> reactivate(@PathParam("did") String did, String body) throws JsonProcessingException {
        return change(did, StatusChange.REACTIVATE, body);
    }

    @POST
    @Path("/{did}/revoke")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("admin")
    public Uni<Response> revoke(@PathParam("did") String did, String body) throws JsonProcessingException {
        return change(did, StatusChange.REVOKE, body);
    }

    /** The body is optional, so it is read here: JAX-RS would refuse a POST without a content type (415). */
    private Uni<Response> change(String did, StatusChange change, String body) throws JsonProcessingException {
        StatusRequest request = body == null || body.isBlank() ? null : mapper.readValue(body, StatusRequest.class);
        String reason = request == null ? null : request.reason();
        return registry.change(did, change, reason, callers.current()).map(outcome -> Answers.of(outcome, INVALID));
    }
}
