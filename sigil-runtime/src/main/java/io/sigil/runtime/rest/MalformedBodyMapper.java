package io.sigil.runtime.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers a request body that is not valid JSON for its endpoint with the mesh's one error shape. The
 * parser's own message quotes the input, so it is never passed on. The specific Jackson types are named
 * because Quarkus maps them itself otherwise.
 */
public class MalformedBodyMapper {

    @ServerExceptionMapper
    public Response unparsable(JsonParseException exception) {
        return invalid(exception);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException exception) {
        return invalid(exception);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException exception) {
        return invalid(exception);
    }

    private static Response invalid(JsonProcessingException exception) {
        String where = exception.getLocation() == null
                ? ""
                : " at line " + exception.getLocation().getLineNr() + ", column "
                        + exception.getLocation().getColumnNr();
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("invalid_json", "the request body is not valid JSON for this endpoint" + where))
                .build();
    }
}
