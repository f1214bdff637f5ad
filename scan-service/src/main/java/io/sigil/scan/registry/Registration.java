package io.sigil.scan.registry;

import io.sigil.scan.persistence.ScannerPack;

/** The outcome of submitting a scanner pack: the pack as stored and published, or why it was refused. */
public sealed interface Registration {

    record Registered(ScannerPack pack) implements Registration {}

    /** A refusal; {@code message} is a sentence for the administrator and never holds a secret. */
    record Refused(Reason reason, String message) implements Registration {}

    enum Reason {
        /** The request is not a valid scanner pack. */
        INVALID,
        /** This id and version are already stored. */
        CONFLICT
    }
}
