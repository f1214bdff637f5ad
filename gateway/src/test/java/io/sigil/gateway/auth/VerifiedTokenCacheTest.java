package io.sigil.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private static QuarkusSecurityIdentity identity(String name) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(() -> name)
                .addRole("agent")
                .build();
    }

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        VerifiedTokenCache cache = new VerifiedTokenCache(clock, Duration.ofMinutes(5), 100);
        cache.put("token-a", identity("a"), now.get().plusSeconds(10).getEpochSecond());

        assertThat(cache.get("token-a"))
                .get()
                .extracting(i -> i.getPrincipal().getName())
                .isEqualTo("a");
        assertThat(cache.get("token-b")).isEmpty();

        now.set(now.get().plusSeconds(10));
        assertThat(cache.get("token-a")).isEmpty();
    }

    @Test
    void noTokenIsTrustedLongerThanTheMaximumAge() {
        VerifiedTokenCache cache = new VerifiedTokenCache(clock, Duration.ofSeconds(30), 100);
        cache.put("token-a", identity("a"), now.get().plusSeconds(3600).getEpochSecond());

        now.set(now.get().plusSeconds(29));
        assertThat(cache.get("token-a")).isPresent();
        now.set(now.get().plusSeconds(1));
        assertThat(cache.get("token-a")).isEmpty();
    }

    @Test
    void anExpiredTokenIsNeverRememberedAndTheCacheIsBounded() {
        VerifiedTokenCache cache = new VerifiedTokenCache(clock, Duration.ofMinutes(5), 2);
        cache.put("old", identity("old"), now.get().minusSeconds(1).getEpochSecond());
        assertThat(cache.get("old")).isEmpty();

        cache.put("t1", identity("1"), now.get().plusSeconds(60).getEpochSecond());
        cache.put("t2", identity("2"), now.get().plusSeconds(60).getEpochSecond());
        cache.put("t3", identity("3"), now.get().plusSeconds(60).getEpochSecond());
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("t1")).isEmpty();
        assertThat(cache.get("t3")).isPresent();
    }

    @Test
    void aZeroMaximumAgeTurnsTheCacheOff() {
        VerifiedTokenCache cache = new VerifiedTokenCache(clock, Duration.ZERO, 100);
        cache.put("token-a", identity("a"), now.get().plusSeconds(60).getEpochSecond());

        assertThat(cache.get("token-a")).isEmpty();
    }
}
