package io.sigil.identity.registry;

import io.sigil.identity.persistence.Agent;

/** The outcome of registering an agent: the agent as stored and published, or why it was refused. */
public sealed interface Registration {

    record Registered(Agent agent) implements Registration {}

    /** A refusal; {@code message} is a sentence for the administrator and never holds a secret. */
    record Refused(Reason reason, String message) implements Registration {}

    enum Reason {
        /** The request is not a valid agent. */
        INVALID,
        /** Its DID or client id is already registered. */
        CONFLICT
    }
}
