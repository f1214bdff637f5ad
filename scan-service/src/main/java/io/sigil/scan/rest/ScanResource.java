package io.sigil.scan.rest;

import io.sigil.core.scan.Finding;
import io.sigil.core.scan.Redaction;
import io.sigil.runtime.rest.Responses;
import io.sigil.scan.scanning.FindingView;
import io.sigil.scan.scanning.JsonScan;
import io.sigil.scan.scanning.ScanRequest;
import io.sigil.scan.scanning.Scanner;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scans text or JSON (member names and string values) for secrets and personal data with every built-in detector
 * ({@code POST /api/scan}: the findings, never the values) and masks what it finds ({@code POST /api/redact}).
 * Bodies over the service's size limit are refused with 413 before they are read.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "auditor", "admin"})
public class ScanResource {

    /** The registry's mask: the category only, never any part of the value. */
    private static final Function<Finding, String> REDACTED = finding -> "[SIGIL-REDACTED: " + finding.category() + "]";

    private final Scanner scanner;

    public ScanResource(Scanner scanner) {
        this.scanner = scanner;
    }

    @POST
    @Path("/scan")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response scan(ScanRequest request) {
        String problem = request == null ? "the body must be a scan request" : request.problem();
        if (problem != null) {
            return Responses.error(Response.Status.BAD_REQUEST, "invalid_scan_request", problem);
        }
        if (request.text() != null) {
            return findings(scanner.engine().findings(request.text()));
        }
        try {
            return views(JsonScan.of(scanner.engine(), request.json(), REDACTED).findings());
        } catch (IllegalArgumentException tooDeep) {
            return tooDeep();
        }
    }

    private static Response tooDeep() {
        return Responses.error(
                Response.Status.BAD_REQUEST,
                "invalid_scan_request",
                "the JSON document is nested deeper than " + io.sigil.core.scan.ScanEngine.MAX_JSON_DEPTH + " levels");
    }

    /** Raw text in any encoding claimed as UTF-8: invalid sequences become U+FFFD and spans refer to that text. */
    @POST
    @Path("/scan")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response scanText(byte[] body) {
        return findings(scanner.engine().findings(decode(body)));
    }

    @POST
    @Path("/redact")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response redact(ScanRequest request) {
        String problem = request == null ? "the body must be a scan request" : request.problem();
        if (problem != null) {
            return Responses.error(Response.Status.BAD_REQUEST, "invalid_scan_request", problem);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (request.text() != null) {
            List<Finding> found = scanner.engine().findings(request.text());
            body.put("text", Redaction.mask(request.text(), found, REDACTED));
            body.put("findings", found.stream().map(FindingView::of).toList());
        } else {
            JsonScan scan;
            try {
                scan = JsonScan.of(scanner.engine(), request.json(), REDACTED);
            } catch (IllegalArgumentException tooDeep) {
                return tooDeep();
            }
            body.put("json", scan.redacted(REDACTED));
            body.put("findings", scan.findings());
        }
        return Response.ok(body).build();
    }

    @POST
    @Path("/redact")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public Response redactText(byte[] body) {
        String text = decode(body);
        return Response.ok(Redaction.mask(text, scanner.engine().findings(text), REDACTED))
                .build();
    }

    private static Response findings(List<Finding> found) {
        return views(found.stream().map(FindingView::of).toList());
    }

    private static Response views(List<FindingView> found) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("findings", found);
        return Response.ok(body).build();
    }

    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException impossible) {
            throw new IllegalStateException("REPLACE never throws", impossible);
        }
    }
}
