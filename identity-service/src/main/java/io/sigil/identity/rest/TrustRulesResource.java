package io.sigil.identity.rest;

import io.sigil.core.identity.TrustRules;
import io.sigil.identity.rules.TrustRulesService;
import io.sigil.runtime.rest.Responses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The trust rules the gateway applies: auditors and administrators read them, administrators replace them. The
 * service numbers versions itself; a replacement answers 200 once published, 202 when not yet.
 */
@Path("/api/trust-rules")
@Produces(MediaType.APPLICATION_JSON)
public class TrustRulesResource {

    private final TrustRulesService rules;
    private final Callers callers;

    public TrustRulesResource(TrustRulesService rules, Callers callers) {
        this.rules = rules;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({"auditor", "admin"})
    public Uni<Response> current() {
        return rules.current()
                .map(found -> found.map(current -> Response.ok(current).build())
                        .orElseGet(() -> Responses.notFound("no trust rules are stored yet")));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Uni<Response> replace(TrustRules proposed, @QueryParam("reason") String reason) {
        return rules.replace(proposed, reason, callers.current())
                .map(outcome -> Answers.of(outcome, "invalid_trust_rules"));
    }
}
