package io.sigil.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.sigil.gateway.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

    private static QuarkusSecurityIdentity identity(String name) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(() -> name)
                .addRole("agent")
                .build();
    }

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        VerifiedTokenCache cache = new VerifiedTokenCache(clock, Duration.ofMinutes(5), 100);
        cache.put("token-a", identity("a"), clock.instant().plusSeconds(10).getEpochSecond());

        assertThat(cache.get("token-a"))
                .get()
                .extracting(i -> i.getPrincipal().getName())
                .isEqualTo("a");
        assertThat(cache.get("token-b")).isEmpty();

        clock.advance(java.time.Duration.ofSeconds(10));
        assertThat(cache.get("token-a")).isEmpty();
    }

    @Test
    void noTokenIsTrustedLongerThanTheMaximumAge() {
        VerifiedTokenCache cache = new VerifiedTokenCache(clock, Duration.ofSeconds(30), 100);
        cache.put("token-a", identity("a"), clock.instant().plusSeconds(3600).getEpochSecond());

        clock.advance(java.time.Duration.ofSeconds(29));
        assertThat(cache.get("token-a")).isPresent();
        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(cache.get("token-a")).isEmpty();
    }

    @Test
    void anExpiredTokenIsNeverRememberedAndTheCacheIsBounded() {
        VerifiedTokenCache cache = new VerifiedTokenCache(clock, Duration.ofMinutes(5), 2);
        cache.put("old", identity("old"), clock.instant().minusSeconds(1).getEpochSecond());
        assertThat(cache.get("old")).isEmpty();

        cache.put("t1", identity("1"), clock.instant().plusSeconds(60).getEpochSecond());
        cache.put("t2", identity("2"), clock.instant().plusSeconds(60).getEpochSecond());
        cache.put("t3", identity("3"), clock.instant().plusSeconds(60).getEpochSecond());
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("t1")).isEmpty();
        assertThat(cache.get("t3")).isPresent();
    }

    @Test
    void aZeroMaximumAgeTurnsTheCacheOff() {
        VerifiedTokenCache cache = new VerifiedTokenCache(clock, Duration.ZERO, 100);
        cache.put("token-a", identity("a"), clock.instant().plusSeconds(60).getEpochSecond());

        assertThat(cache.get("token-a")).isEmpty();
    }
}
