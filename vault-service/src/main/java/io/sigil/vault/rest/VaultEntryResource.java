package io.sigil.vault.rest;

import io.sigil.runtime.rest.Responses;
import io.sigil.vault.persistence.VaultEntryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Read access to vault entries' metadata, for auditors only; the ciphertext never leaves through it. */
@Path("/api/vault/entries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("auditor")
public class VaultEntryResource {

    private final VaultEntryRepository repository;

    public VaultEntryResource(VaultEntryRepository repository) {
        this.repository = repository;
    }

    @GET
    @Path("/{id}")
    public Uni<Response> metadata(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return Uni.createFrom().item(Responses.notFound("no vault entry has the id " + id));
        }
        return repository.findMetadata(uuid).map(metadata -> metadata.map(
                        found -> Response.ok(found).build())
                .orElseGet(() -> Responses.notFound("no vault entry has the id " + id)));
    }
}
