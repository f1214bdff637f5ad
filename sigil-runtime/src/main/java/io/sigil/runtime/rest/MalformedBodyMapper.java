package io.sigil.runtime.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
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

    /**
     * Quarkus's JSON reader wraps syntax errors and failed constructions in a bare 400 without a body; they get
     * the mesh's error shape here. Every other {@link WebApplicationException} keeps its own answer.
     */
    @ServerExceptionMapper
    public Response wrapped(WebApplicationException exception) {
        if (exception.getCause() instanceof JsonMappingException binding) {
            return answer(BodyPaths.of(binding) + " has a value of the wrong form");
        }
        if (exception.getCause() instanceof JsonProcessingException malformed) {
            return invalid(malformed);
        }
        return exception.getResponse();
    }

    private static Response invalid(JsonProcessingException exception) {
        String where = exception.getLocation() == null
                ? ""
                : " at line " + exception.getLocation().getLineNr() + ", column "
                        + exception.getLocation().getColumnNr();
        return answer("the request body is not valid JSON for this endpoint" + where);
    }

    private static Response answer(String message) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("invalid_json", message))
                .build();
    }
}
