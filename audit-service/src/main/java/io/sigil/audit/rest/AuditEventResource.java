package io.sigil.audit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.sigil.audit.store.AuditQuery;
import io.sigil.audit.store.RecordStore;
import io.sigil.audit.store.StoredRecord;
import io.sigil.runtime.rest.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SOC's read access to the sealed audit trail: filtered, paginated queries (newest first) and an NDJSON
 * export of the same selection. Auditors only.
 */
@Path("/api/audit/events")
@RolesAllowed("auditor")
public class AuditEventResource {

    static final String NDJSON = "application/x-ndjson";
    private static final int MAX_LIMIT = 500;
    private static final int EXPORT_PAGE = 1_000;

    private final RecordStore records;
    private final ObjectMapper mapper;

    public AuditEventResource(RecordStore records, ObjectMapper mapper) {
        this.records = records;
        this.mapper = mapper;
    }

    /** One page; the {@code Link} header (rel="next") and {@code Sigil-Next-Cursor} lead to the next. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(
            @BeanParam AuditFilters filters,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @Context UriInfo uri)
            throws SQLException {
        AuditQuery query;
        try {
            query = filters.query(cursor, Math.max(1, Math.min(limit, MAX_LIMIT)));
        } catch (DateTimeParseException | NumberFormatException badFilter) {
            return badFilter();
        }
        List<StoredRecord> page = records.query(query);
        List<RecordView> views = new ArrayList<>(page.size());
        for (StoredRecord record : page) {
            views.add(RecordView.of(record, event(record)));
        }
        Response.ResponseBuilder response = Response.ok(views);
        if (page.size() == query.limit()) {
            long next = page.get(page.size() - 1).id();
            response.header("Sigil-Next-Cursor", next)
                    .link(
                            uri.getRequestUriBuilder()
                                    .replaceQueryParam("cursor", next)
                                    .build(),
                            "next");
        }
        return response.build();
    }

    /** The whole selection as NDJSON, one record per line, newest first, streamed page by page. */
    @GET
    @Path("/export")
    @Produces(NDJSON)
    public Response export(@BeanParam AuditFilters filters) {
        AuditQuery first;
        try {
            first = filters.query(null, EXPORT_PAGE);
        } catch (DateTimeParseException | NumberFormatException badFilter) {
            return badFilter();
        }
        ObjectWriter writer = mapper.writer();
        StreamingOutput body = output -> {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            AuditQuery query = first;
            while (true) {
                List<StoredRecord> page;
                try {
                    page = records.query(query);
                } catch (SQLException storeAway) {
                    throw new IOException("the audit store went away during the export", storeAway);
                }
                for (StoredRecord record : page) {
                    out.write(writer.writeValueAsString(RecordView.of(record, event(record))));
                    out.write('\n');
                }
                if (page.size() < query.limit()) {
                    break;
                }
                query = query.before(page.get(page.size() - 1).id());
            }
            out.flush();
        };
        return Response.ok(body, NDJSON).build();
    }

    private JsonNode event(StoredRecord record) {
        try {
            return mapper.readTree(record.sealed().event());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static Response badFilter() {
        return Responses.error(
                Response.Status.BAD_REQUEST,
                "invalid_filter",
                "from and to are ISO-8601 instants (2026-11-23T10:00:00Z); category, class_uid and cursor are"
                        + " integers");
    }
}
