package io.sigil.gateway.scan;

/** What applying one record of the scanners topic did to the active engine. */
public sealed interface PackOutcome {

    /**
     * The pack is active: a new engine with it was swapped in.
     *
     * @param replacedBuiltIn whether it took the place of the built-in pack of the same name
     */
    record Loaded(String id, String version, String keyId, int detectors, boolean replacedBuiltIn)
            implements PackOutcome {}

    /** The pack was withdrawn (a tombstone): a new engine without it was swapped in. */
    record Withdrawn(String id) implements PackOutcome {}

    /** Nothing changed: a tombstone for a pack that was not active. */
    record Unchanged(String id) implements PackOutcome {}

    /**
     * The record was refused and the engine is the one that was active before.
     *
     * @param id the pack id as the record names it, unverified
     * @param reason why, naming fields and detector ids, never the pack's patterns or examples
     */
    record Refused(String id, String reason) implements PackOutcome {}
}
