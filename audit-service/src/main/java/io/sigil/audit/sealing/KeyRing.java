package io.sigil.audit.sealing;

import io.sigil.ledger.EpochKeys;
import io.sigil.ledger.EvolvingKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The sealer's forward-secure key: it moves to the epoch of the clock and erases the key it leaves, so a key
 * stolen today cannot re-seal yesterday. Thread-confined to the sealer.
 */
public final class KeyRing {

    private final long genesisEpoch;
    private final Duration epochLength;
    private final EvolvingKey key;
    private boolean changed;

    private KeyRing(long genesisEpoch, Duration epochLength, EvolvingKey key, boolean changed) {
        this.genesisEpoch = genesisEpoch;
        this.epochLength = epochLength;
        this.key = key;
        this.changed = changed;
    }

    /** Resumes from the stored state, or starts the genesis epoch now from the root key (null when offline). */
    public static KeyRing open(Optional<KeyState> stored, byte[] rootKey, Duration epochLength, Instant now) {
        if (stored.isPresent()) {
            KeyState state = stored.get();
            return new KeyRing(state.genesisEpoch(), epochLength, new EvolvingKey(state.epoch(), state.key()), false);
        }
        if (rootKey == null) {
            throw new IllegalStateException("the chain has no epoch key yet and the root key is held offline: start"
                    + " once with sigil.audit.chain.root-key to seal the genesis, then hold it offline");
        }
        long genesis = EpochKeys.epochOf(now, epochLength);
        return new KeyRing(genesis, epochLength, EvolvingKey.genesis(rootKey, genesis), true);
    }

    /** The key to seal with at this instant; never moves backwards if the clock does. */
    public EvolvingKey keyAt(Instant now) {
        long epoch = EpochKeys.epochOf(now, epochLength);
        if (epoch > key.epoch()) {
            key.advanceTo(epoch);
            changed = true;
        }
        return key;
    }

    public long genesisEpoch() {
        return genesisEpoch;
    }

    /** The state to store with the next batch, if the key moved since the last stored one. */
    public KeyState pendingState() {
        return changed ? new KeyState(genesisEpoch, key.epoch(), key.key()) : null;
    }

    public void stored() {
        changed = false;
    }
}
