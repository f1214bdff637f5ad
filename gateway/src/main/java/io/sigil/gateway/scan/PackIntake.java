package io.sigil.gateway.scan;

import org.jboss.logging.Logger;

/**
 * Applies one record of the scanners topic: a tombstone withdraws the pack, anything else must pass
 * {@link PackSignatureVerifier} before {@link RegistryPacks} parses and compiles it. A refusal is one WARN line and
 * an audit event, and leaves the active engine as it was.
 */
public final class PackIntake {

    private static final Logger LOG = Logger.getLogger(PackIntake.class);

    private final PackSignatureVerifier verifier;
    private final RegistryPacks packs;
    private final PackEvents events;

    public PackIntake(PackSignatureVerifier verifier, RegistryPacks packs, PackEvents events) {
        this.verifier = verifier;
        this.packs = packs;
        this.events = events;
    }

    /** Applies the record found at {@code where} (topic-partition@offset) and says what it did. */
    public PackOutcome apply(String key, String value, String where) {
        PackOutcome outcome = outcome(key, value);
        if (outcome instanceof PackOutcome.Refused refused) {
            LOG.warnf(
                    "scanner pack %s (%s) rejected: %s; the previous version stays active",
                    PackNames.safe(refused.id()), where, refused.reason());
        } else if (outcome instanceof PackOutcome.Loaded loaded) {
            LOG.infof(
                    "scanner pack %s %s loaded (%d detectors, signed by %s%s)",
                    PackNames.safe(loaded.id()),
                    PackNames.safe(loaded.version()),
                    loaded.detectors(),
                    loaded.keyId(),
                    loaded.replacedBuiltIn() ? ", replacing the built-in pack" : "");
        } else if (outcome instanceof PackOutcome.Withdrawn withdrawn) {
            LOG.infof("scanner pack %s withdrawn", PackNames.safe(withdrawn.id()));
        }
        events.record(outcome, where);
        return outcome;
    }

    private PackOutcome outcome(String key, String value) {
        if (key == null) {
            return new PackOutcome.Refused(null, "the record has no key");
        }
        try {
            if (value == null) {
                return packs.withdraw(key);
            }
            PackSignatureVerifier.Verdict verdict = verifier.verify(key, value);
            if (verdict instanceof PackSignatureVerifier.Verdict.Verified verified) {
                return packs.accept(verified.pack());
            }
            return new PackOutcome.Refused(key, ((PackSignatureVerifier.Verdict.Refused) verdict).reason());
        } catch (RuntimeException unexpected) {
            // The engine is swapped only after everything succeeded: a fault leaves it, and the replica moves on.
            return new PackOutcome.Refused(
                    key,
                    "the record could not be applied (" + unexpected.getClass().getSimpleName() + ")");
        }
    }
}
