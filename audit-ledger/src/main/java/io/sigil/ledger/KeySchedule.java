package io.sigil.ledger;

import java.util.Arrays;

/**
 * The verifier's view of the epoch keys: derives the key of any epoch from the root key, remembering only the latest
 * one, so asking in epoch order costs one derivation per epoch overall. Not thread-safe.
 */
public final class KeySchedule {
    /** The default bound on a single forward walk, so a forged far-future epoch cannot stall the verifier. */
    public static final long DEFAULT_MAX_WALK = 1L << 24;

    private final byte[] genesisKey;
    private final long genesisEpoch;
    private final long maxWalk;
    private long cachedEpoch;
    private byte[] cachedKey;
    private long derivations;

    public KeySchedule(byte[] rootKey, long genesisEpoch) {
        this(rootKey, genesisEpoch, DEFAULT_MAX_WALK);
    }

    public KeySchedule(byte[] rootKey, long genesisEpoch, long maxWalk) {
        if (maxWalk < 0) {
            throw new IllegalArgumentException("negative maxWalk");
        }
        this.genesisKey = EpochKeys.genesisKey(rootKey);
        this.genesisEpoch = genesisEpoch;
        this.maxWalk = maxWalk;
    }

    private KeySchedule(long genesisEpoch) {
        this.genesisKey = null;
        this.genesisEpoch = genesisEpoch;
        this.maxWalk = 0;
    }

    /**
     * A schedule without keys, for a verifier that does not hold the root key (it stays offline, with the SOC):
     * everything but the MACs can still be checked.
     */
    public static KeySchedule withheld(long genesisEpoch) {
        return new KeySchedule(genesisEpoch);
    }

    /** Whether this schedule can derive keys, so that MACs can be recomputed. */
    public boolean hasKeys() {
        return genesisKey != null;
    }

    public long genesisEpoch() {
        return genesisEpoch;
    }

    /** A copy of the key of {@code epoch}; an epoch before the cached one restarts the walk from genesis. */
    public byte[] keyFor(long epoch) {
        if (genesisKey == null) {
            throw new IllegalStateException("this schedule holds no keys");
        }
        if (epoch < genesisEpoch) {
            throw new IllegalArgumentException("epoch " + epoch + " is before the genesis epoch " + genesisEpoch);
        }
        if (cachedKey == null || epoch < cachedEpoch) {
            wipeCache();
            cachedKey = genesisKey.clone();
            cachedEpoch = genesisEpoch;
        }
        if (epoch - cachedEpoch > maxWalk) {
            throw new IllegalArgumentException(
                    "epoch " + epoch + " is more than " + maxWalk + " epochs beyond epoch " + cachedEpoch);
        }
        while (cachedEpoch < epoch) {
            byte[] next = EpochKeys.next(cachedKey);
            Arrays.fill(cachedKey, (byte) 0);
            cachedKey = next;
            cachedEpoch++;
            derivations++;
        }
        return cachedKey.clone();
    }

    /** How many one-way steps this schedule has taken, to check the caching works. */
    long derivations() {
        return derivations;
    }

    private void wipeCache() {
        if (cachedKey != null) {
            Arrays.fill(cachedKey, (byte) 0);
        }
    }
}
