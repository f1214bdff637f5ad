package io.sigil.scan.rest;

import io.quarkus.security.Authenticated;
import io.sigil.runtime.rest.Responses;
import io.sigil.scan.persistence.ScannerPack;
import io.sigil.scan.registry.NewScannerPack;
import io.sigil.scan.registry.ScannerRegistry;
import io.sigil.scan.signing.PackSigner;
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

/** The scanner packs' REST API: any authenticated caller reads them, only administrators submit one. */
@Path("/api/scanners")
@Produces(MediaType.APPLICATION_JSON)
public class ScannerResource {

    private final ScannerRegistry registry;
    private final PackSigner signer;

    public ScannerResource(ScannerRegistry registry, PackSigner signer) {
        this.registry = registry;
        this.signer = signer;
    }

    /** The key the scanners topic's signatures verify with (RFC 8037 JWK). */
    @GET
    @Path("/public-key")
    @Authenticated
    public java.util.Map<String, String> publicKey() {
        return signer.publicJwk();
    }

    @GET
    @Authenticated
    public Uni<List<ScannerPack>> list() {
        return registry.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Uni<Response> submit(NewScannerPack request) {
        return registry.submit(request).map(registration -> Responses.created(registration, "invalid_scanner_pack"));
    }
}
