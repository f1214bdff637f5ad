package io.sigil.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers DPoP proof ids until their proof could no longer be accepted anyway. When it is full of ids that
 * are all still live it refuses new proofs rather than forget one, since forgetting would open a replay.
 */
public final class DpopReplayCache {

    private final Clock clock;
    private final int capacity;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    public DpopReplayCache(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    /** True the first time an id is presented; false for a replay, or when no room can be made. */
    public boolean firstUse(String id, Instant forgetAfter) {
        if (seen.size() >= capacity) {
            Instant now = clock.instant();
            seen.values().removeIf(expiry -> expiry.isBefore(now));
            if (seen.size() >= capacity) {
                return false;
            }
        }
        return seen.putIfAbsent(id, forgetAfter) == null;
    }

    int size() {
        return seen.size();
    }
}
