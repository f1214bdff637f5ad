package io.sigil.ledger;

import java.util.Arrays;
import java.util.Objects;

/**
 * The sealing side's current epoch key (mutable, confined to one thread). Advancing overwrites the old key with zeros:
 * whoever takes the process later learns only keys of the current and later epochs, so older records stay sealed.
 */
public final class EvolvingKey {
    private long epoch;
    private byte[] key;

    /**
     * Takes ownership of {@code key}: the array is not copied and is overwritten with zeros when the key advances or is
     * destroyed. Pass a copy if the caller must keep it.
     */
    public EvolvingKey(long epoch, byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length == 0) {
            throw new IllegalArgumentException("empty epoch key");
        }
        this.epoch = epoch;
        this.key = key;
    }

    public static EvolvingKey genesis(byte[] rootKey, long genesisEpoch) {
        return new EvolvingKey(genesisEpoch, EpochKeys.genesisKey(rootKey));
    }

    public long epoch() {
        return epoch;
    }

    /** A copy of the current key; the caller should wipe it after use. */
    public byte[] key() {
        return live().clone();
    }

    /** Steps forward to {@code target}, erasing every key it passes; refuses to go back. */
    public void advanceTo(long target) {
        live();
        if (target < epoch) {
            throw new IllegalStateException(
                    "cannot go back from epoch " + epoch + " to " + target + ": the older key has been erased");
        }
        while (epoch < target) {
            byte[] next = EpochKeys.next(key);
            Arrays.fill(key, (byte) 0);
            key = next;
            epoch++;
        }
    }

    /** Erases the key; any later use throws IllegalStateException. */
    public void destroy() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
            key = null;
        }
    }

    private byte[] live() {
        if (key == null) {
            throw new IllegalStateException("the key has been destroyed");
        }
        return key;
    }

    @Override
    public String toString() {
        return "EvolvingKey[epoch=" + epoch + (key == null ? ", destroyed]" : "]");
    }
}
