package io.sigil.runtime.rest;

import io.sigil.runtime.registry.Registration;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/** Maps results to HTTP answers in the mesh's one error shape. */
public final class Responses {

    private Responses() {}

    /** 201 with the stored entry; 400 with {@code invalidCode} or 409 {@code conflict} for a refusal. */
    public static Response created(Registration<?> registration, String invalidCode) {
        if (registration instanceof Registration.Registered<?> registered) {
            return Response.status(Status.CREATED).entity(registered.entry()).build();
        }
        Registration.Refused<?> refused = (Registration.Refused<?>) registration;
        return switch (refused.reason()) {
            case INVALID -> error(Status.BAD_REQUEST, invalidCode, refused.message());
            case CONFLICT -> error(Status.CONFLICT, "conflict", refused.message());
        };
    }

    public static Response notFound(String message) {
        return error(Status.NOT_FOUND, "not_found", message);
    }

    public static Response error(Status status, String code, String message) {
        return Response.status(status)
                .entity(new ErrorBody(code, message))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
