package io.sigil.gateway.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.sigil.gateway.pinning.ToolPins;
import io.sigil.runtime.rest.Responses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Pinned tool definitions for administrators: every version with its status, and approval of a pending one. */
@Path("/api/tools")
@Produces(MediaType.APPLICATION_JSON)
public class ToolPinResource {

    private static final String UNAVAILABLE = "the tool pin store cannot be used; try again";

    private final ToolPins pins;
    private final SecurityIdentity identity;

    public ToolPinResource(ToolPins pins, SecurityIdentity identity) {
        this.pins = pins;
        this.identity = identity;
    }

    /** The body of an approval: the digest of the version meant, or none for the newest pending version. */
    public record Approval(String digest) {}

    @GET
    @RolesAllowed({"admin", "auditor"})
    public Uni<Response> list() {
        return Uni.createFrom()
                .completionStage(pins::all)
                .map(all -> Response.ok(all).build())
                .onFailure()
                .recoverWithItem(
                        () -> Responses.error(Response.Status.SERVICE_UNAVAILABLE, "unavailable", UNAVAILABLE));
    }

    @POST
    @Path("/{upstream}/{tool}/approve")
    @RolesAllowed("admin")
    public Uni<Response> approve(
            @PathParam("upstream") String upstream, @PathParam("tool") String tool, Approval body) {
        Optional<String> digest =
                Optional.ofNullable(body).map(Approval::digest).filter(d -> !d.isBlank());
        String by = identity.getPrincipal().getName();
        return Uni.createFrom()
                .completionStage(() -> pins.approve(upstream, tool, digest, by))
                .map(approved -> approved.map(pin -> Response.ok(pin).build())
                        .orElseGet(() -> Responses.notFound(
                                digest.map(d -> "tool " + tool + " of upstream " + upstream + " has no version " + d)
                                        .orElse("tool " + tool + " of upstream " + upstream
                                                + " has no version awaiting approval"))))
                .onFailure()
                .recoverWithItem(
                        () -> Responses.error(Response.Status.SERVICE_UNAVAILABLE, "unavailable", UNAVAILABLE));
    }
}
