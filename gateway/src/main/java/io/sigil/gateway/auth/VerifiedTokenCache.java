package io.sigil.gateway.auth;

import io.quarkus.security.identity.SecurityIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Identities of tokens whose signature and claims were verified, so that a token used for many calls is
 * verified once: RSA verification was the gateway's largest own cost per call. An entry lives until the
 * token expires or at most {@code maxAge}, whichever is first, and is keyed by the token's SHA-256, so no
 * bearer token is kept in memory.
 */
public final class VerifiedTokenCache {

    private final Clock clock;
    private final Duration maxAge;
    private final int capacity;
    private final Map<String, Entry> entries;

    public VerifiedTokenCache(Clock clock, Duration maxAge, int capacity) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedTokenCache.this.capacity;
            }
        };
    }

    /** The identity of a token verified before and still valid now. */
    public Optional<SecurityIdentity> get(String token) {
        String key = digest(token);
        Instant now = clock.instant();
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry == null) {
                return Optional.empty();
            }
            if (!now.isBefore(entry.validUntil())) {
                entries.remove(key);
                return Optional.empty();
            }
            return Optional.of(entry.identity());
        }
    }

    /** Remembers a verified token until its expiry (epoch seconds), capped by the maximum age. */
    public void put(String token, SecurityIdentity identity, long expiresAtEpochSecond) {
        if (capacity <= 0 || maxAge.isZero() || maxAge.isNegative()) {
            return;
        }
        Instant now = clock.instant();
        Instant expiry = Instant.ofEpochSecond(expiresAtEpochSecond);
        Instant until = expiry.isBefore(now.plus(maxAge)) ? expiry : now.plus(maxAge);
        if (!now.isBefore(until)) {
            return;
        }
        synchronized (entries) {
            entries.put(digest(token), new Entry(identity, until));
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private record Entry(SecurityIdentity identity, Instant validUntil) {}
}
