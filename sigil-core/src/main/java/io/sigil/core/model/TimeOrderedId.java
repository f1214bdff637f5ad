package io.sigil.core.model;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Ids made close in time sort close
 * together, so the audit store's index on them grows at its right edge instead of touching a random page per event.
 */
public final class TimeOrderedId {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedId() {}

    public static UUID next() {
        return at(System.currentTimeMillis(), RANDOM);
    }

    static UUID at(long epochMillis, SecureRandom random) {
        if (epochMillis < 0 || epochMillis >= 1L << 48) {
            throw new IllegalArgumentException("a version 7 UUID holds 48 bits of milliseconds: " + epochMillis);
        }
        byte[] bits = new byte[10];
        random.nextBytes(bits);
        long randA = ((bits[0] & 0x0fL) << 8) | (bits[1] & 0xffL);
        long high = (epochMillis << 16) | 0x7000L | randA;
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = (randB << 8) | (bits[i] & 0xffL);
        }
        long low = (randB & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** The milliseconds a version 7 UUID was made at. */
    public static long epochMillis(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version 7 UUID: " + id);
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
