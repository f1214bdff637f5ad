package io.sigil.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** The forward-secure key schedule: a genesis key from the root key, each epoch's key a one-way step from the last. */
public final class EpochKeys {
    public static final int KEY_LENGTH = 32;
    public static final int MIN_ROOT_KEY_LENGTH = 16;

    private static final byte[] GENESIS_SALT = "sigil-audit-chain/v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEXT_INFO = "sigil-audit-epoch-next".getBytes(StandardCharsets.UTF_8);

    private EpochKeys() {}

    /** HKDF-Extract(salt = "sigil-audit-chain/v1", ikm = rootKey). */
    public static byte[] genesisKey(byte[] rootKey) {
        if (rootKey == null || rootKey.length < MIN_ROOT_KEY_LENGTH) {
            throw new IllegalArgumentException("the root key must have at least " + MIN_ROOT_KEY_LENGTH + " bytes");
        }
        return Hkdf.extract(GENESIS_SALT, rootKey);
    }

    /** HKDF-Expand(prk = key, info = "sigil-audit-epoch-next", L = 32): cannot be run backwards. */
    public static byte[] next(byte[] key) {
        return Hkdf.expand(key, NEXT_INFO, KEY_LENGTH);
    }

    /** The key of {@code epoch}: the genesis key advanced (epoch − genesisEpoch) times. */
    public static byte[] keyFor(byte[] rootKey, long genesisEpoch, long epoch) {
        if (epoch < genesisEpoch) {
            throw new IllegalArgumentException("epoch " + epoch + " is before the genesis epoch " + genesisEpoch);
        }
        byte[] key = genesisKey(rootKey);
        for (long e = genesisEpoch; e < epoch; e++) {
            byte[] next = next(key);
            Arrays.fill(key, (byte) 0);
            key = next;
        }
        return key;
    }

    /** floor(t / epochLength) in milliseconds, so instants before 1970 fall into negative epochs consistently. */
    public static long epochOf(Instant t, Duration epochLength) {
        long lengthMillis = epochLength.toMillis();
        if (lengthMillis <= 0) {
            throw new IllegalArgumentException("epoch length must be at least one millisecond: " + epochLength);
        }
        return Math.floorDiv(t.toEpochMilli(), lengthMillis);
    }
}
