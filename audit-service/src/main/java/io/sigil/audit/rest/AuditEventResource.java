package io.sigil.audit.rest;

import io.sigil.audit.persistence.AuditRecord;
import io.sigil.audit.persistence.AuditRecordRepository;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Read access to the stored audit trail, for auditors only. */
@Path("/api/audit/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("auditor")
public class AuditEventResource {

    private static final int MAX_LIMIT = 500;

    private final AuditRecordRepository repository;

    public AuditEventResource(AuditRecordRepository repository) {
        this.repository = repository;
    }

    @GET
    public Uni<List<AuditRecord>> list(
            @QueryParam("audit_id") String auditId, @QueryParam("limit") @DefaultValue("50") int limit) {
        return repository.find(auditId, Math.max(1, Math.min(limit, MAX_LIMIT)));
    }
}
