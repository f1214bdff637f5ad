package io.sigil.identity.rest;

import io.sigil.identity.registry.Outcome;
import io.sigil.runtime.rest.Responses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/** Maps registry outcomes to HTTP answers in the mesh's one error shape. */
final class Answers {

    private Answers() {}

    /**
     * 201 (created) or 200 with the entry when the broker acknowledged it, 202 when not yet; 400 with
     * {@code invalidCode}, 404 {@code not_found}, 409 {@code conflict} or {@code invalid_transition} for a refusal.
     */
    static Response of(Outcome<?> outcome, String invalidCode) {
        if (outcome instanceof Outcome.Applied<?> applied) {
            Status status = !applied.published() ? Status.ACCEPTED : applied.created() ? Status.CREATED : Status.OK;
            return Response.status(status)
                    .entity(new PublishedEntry<>(applied.entry(), applied.published()))
                    .build();
        }
        Outcome.Refused<?> refused = (Outcome.Refused<?>) outcome;
        return switch (refused.reason()) {
            case INVALID -> Responses.error(Status.BAD_REQUEST, invalidCode, refused.message());
            case CONFLICT -> Responses.error(Status.CONFLICT, "conflict", refused.message());
            case NOT_FOUND -> Responses.notFound(refused.message());
            case INVALID_TRANSITION -> Responses.error(Status.CONFLICT, "invalid_transition", refused.message());
        };
    }
}
