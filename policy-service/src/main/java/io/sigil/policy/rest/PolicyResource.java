package io.sigil.policy.rest;

import io.sigil.policy.persistence.PolicyBundle;
import io.sigil.policy.registry.NewPolicyBundle;
import io.sigil.policy.registry.PolicyRegistry;
import io.sigil.runtime.rest.Responses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The policy bundles' REST API: auditors and administrators read them, only administrators store one. */
@Path("/api/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyRegistry registry;

    public PolicyResource(PolicyRegistry registry) {
        this.registry = registry;
    }

    @GET
    @RolesAllowed({"auditor", "admin"})
    public Uni<List<PolicyBundle>> list() {
        return registry.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Uni<Response> register(NewPolicyBundle request) {
        return registry.register(request).map(registration -> Responses.created(registration, "invalid_bundle"));
    }
}
