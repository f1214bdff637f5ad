package io.sigil.identity.rest;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.sigil.runtime.rest.BodyPaths;
import io.sigil.runtime.rest.Responses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Names the field of an unknown member or a value of the wrong form with {@code invalid_json}, never the value;
 * syntax errors and values no constructor accepts are answered by the runtime's {@code MalformedBodyMapper}.
 */
public class BodyProblemMapper {

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException exception) {
        return invalid("the request body has an unknown field: " + BodyPaths.of(exception));
    }

    @ServerExceptionMapper
    public Response wrongForm(InvalidFormatException exception) {
        return invalid(BodyPaths.of(exception) + " has a value of the wrong form");
    }

    private static Response invalid(String message) {
        return Responses.error(Status.BAD_REQUEST, "invalid_json", message);
    }
}
