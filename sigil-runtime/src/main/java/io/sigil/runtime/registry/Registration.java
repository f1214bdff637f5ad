package io.sigil.runtime.registry;

/**
 * The outcome of storing an entry in one of the mesh's registries: the entry as stored (and published), or
 * why it was refused. Refusals are results, never failures.
 *
 * @param <T> the kind of entry
 */
public sealed interface Registration<T> {

    record Registered<T>(T entry) implements Registration<T> {}

    /** A refusal; {@code message} is a sentence for the administrator and never holds a secret. */
    record Refused<T>(Reason reason, String message) implements Registration<T> {}

    enum Reason {
        /** The request is not a valid entry. */
        INVALID,
        /** It collides with an entry already stored. */
        CONFLICT
    }

    static <T> Registration<T> registered(T entry) {
        return new Registered<>(entry);
    }

    static <T> Registration<T> invalid(String message) {
        return new Refused<>(Reason.INVALID, message);
    }

    static <T> Registration<T> conflict(String message) {
        return new Refused<>(Reason.CONFLICT, message);
    }
}
