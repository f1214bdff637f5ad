package io.sigil.audit.rest;

import io.sigil.audit.config.ChainSecrets;
import io.sigil.audit.ledger.LedgerService;
import io.sigil.ledger.Checkpoint;
import io.sigil.ledger.LedgerJson;
import io.sigil.ledger.VerificationReport;
import io.sigil.runtime.rest.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tamper evidence, for auditors: chain verification, inclusion proofs, the signed checkpoints and the
 * key that signs them, and the export that the offline verifier reads.
 */
@Path("/api/audit/ledger")
@RolesAllowed("auditor")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    private final LedgerService ledger;
    private final LedgerExport export;
    private final ChainSecrets secrets;

    public LedgerResource(LedgerService ledger, LedgerExport export, ChainSecrets secrets) {
        this.ledger = ledger;
        this.export = export;
        this.secrets = secrets;
    }

    /** Every chain re-computed; {@code ok} is false if any chain fails, and each report names where. */
    @GET
    @Path("/verify")
    public Map<String, Object> verifyAll() throws SQLException {
        List<VerificationReport> reports = ledger.verifyAll();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", reports.stream().allMatch(VerificationReport::ok));
        body.put("chains", reports);
        return body;
    }

    @GET
    @Path("/verify/{chain}")
    public Response verify(@PathParam("chain") String chain) throws SQLException {
        return ledger.verify(chain)
                .map(report -> Response.ok(report).build())
                .orElseGet(() -> Responses.notFound("no chain " + chain));
    }

    @GET
    @Path("/proof")
    public Response proof(@QueryParam("chain") String chain, @QueryParam("seq") String seq) throws SQLException {
        long position;
        try {
            position = Long.parseLong(seq == null ? "" : seq);
        } catch (NumberFormatException notANumber) {
            return Responses.error(Response.Status.BAD_REQUEST, "invalid_seq", "seq is a record's sequence number");
        }
        return ledger.proof(chain, position)
                .map(proof -> Response.ok(proof).build())
                .orElseGet(() -> Responses.notFound("no checkpointed record " + chain + "/" + position
                        + " (yet: checkpoints follow within" + " a second)"));
    }

    @GET
    @Path("/checkpoints")
    public List<Object> checkpoints() throws SQLException {
        List<Checkpoint> latest = ledger.latestCheckpoints();
        return latest.stream().<Object>map(LedgerJson::toJson).toList();
    }

    /** The checkpoint signing key as a JWK (RFC 8037). */
    @GET
    @Path("/public-key")
    public Map<String, Object> publicKey() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(ledger.publicKey()));
        jwk.put("kid", ledger.keyId());
        jwk.put("use", "sig");
        jwk.put("development_key", secrets.development());
        return jwk;
    }

    /** Everything the offline verifier needs but the root key: every chain and its latest checkpoint. */
    @GET
    @Path("/export")
    @Produces(AuditEventResource.NDJSON)
    public Response export() {
        return Response.ok(export.stream(), AuditEventResource.NDJSON).build();
    }
}
