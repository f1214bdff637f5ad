package io.sigil.identity.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.sigil.runtime.rest.Responses;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers request bodies that are not JSON, or do not fit the endpoint, with {@code invalid_json} and a message
 * naming the field (an unknown field, a value of the wrong form such as a trust level that does not exist), never
 * the value. Other mismatches fall through to the runtime's mapper.
 */
public class BodyProblemMapper {

    private static final int MAX_PATH = 120;

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException exception) {
        return invalid("the request body has an unknown field: " + path(exception));
    }

    @ServerExceptionMapper
    public Response wrongForm(InvalidFormatException exception) {
        return invalid(path(exception) + " has a value of the wrong form");
    }

    /**
     * Quarkus's JSON reader wraps syntax errors and failed constructions (such as an unknown trust level) in a
     * bare 400 without a body; they get the mesh's error shape here. Every other exception keeps its answer.
     */
    @ServerExceptionMapper
    public Response wrapped(WebApplicationException exception) {
        Throwable cause = exception.getCause();
        if (cause instanceof ValueInstantiationException notAValue) {
            return invalid(path(notAValue) + " has a value of the wrong form (a trust level is one of Untrusted,"
                    + " Low, Medium, High)");
        }
        if (cause instanceof JsonMappingException mapping) {
            return invalid(path(mapping) + " has a value of the wrong form");
        }
        if (cause instanceof JsonProcessingException syntax) {
            return invalid("the request body is not valid JSON" + where(syntax));
        }
        return exception.getResponse();
    }

    private static Response invalid(String message) {
        return Responses.error(Status.BAD_REQUEST, "invalid_json", message);
    }

    private static String where(JsonProcessingException exception) {
        return exception.getLocation() == null
                ? ""
                : " at line " + exception.getLocation().getLineNr() + ", column "
                        + exception.getLocation().getColumnNr();
    }

    /** The field's place in the body, as {@code human.acr.low} or {@code allowed_upstreams[2]}. */
    static String path(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        String named = path.isEmpty() ? "the body" : path.toString();
        return named.length() > MAX_PATH ? named.substring(0, MAX_PATH) + "..." : named;
    }
}
