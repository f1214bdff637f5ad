package io.sigil.identity.registry;

/**
 * The result of a registry write: the entry as stored and whether the identities topic has acknowledged it, or
 * why the write was refused. Refusals are results, never failures of the {@code Uni}.
 *
 * @param <T> the kind of entry
 */
public sealed interface Outcome<T> {

    /**
     * A write that succeeded, or a request that asked for the state already stored.
     *
     * @param entry the entry as stored
     * @param created whether the write created the entry
     * @param changed whether the write changed anything (a new version)
     * @param published whether the broker has acknowledged this version
     */
    record Applied<T>(T entry, boolean created, boolean changed, boolean published) implements Outcome<T> {

        Applied<T> published(boolean acknowledged) {
            return new Applied<>(entry, created, changed, acknowledged);
        }
    }

    /** A refusal; {@code message} is a sentence for the administrator and never holds a secret. */
    record Refused<T>(Reason reason, String message) implements Outcome<T> {}

    enum Reason {
        /** The request is not valid. */
        INVALID,
        /** It collides with an entry already stored. */
        CONFLICT,
        /** No such entry. */
        NOT_FOUND,
        /** The entry's status does not allow it: a revoked agent never changes again. */
        INVALID_TRANSITION
    }

    static <T> Outcome<T> refused(Reason reason, String message) {
        return new Refused<>(reason, message);
    }
}
