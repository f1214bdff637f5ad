package io.sigil.policy.registry;

import io.sigil.policy.persistence.PolicyBundle;

/** The outcome of storing a policy bundle: the bundle as stored and published, or why it was refused. */
public sealed interface Registration {

    record Registered(PolicyBundle bundle) implements Registration {}

    /** A refusal; {@code message} is a sentence for the administrator and never holds a secret. */
    record Refused(Reason reason, String message) implements Registration {}

    enum Reason {
        /** The request is not a valid bundle. */
        INVALID,
        /** This id and version are already stored. */
        CONFLICT
    }
}
