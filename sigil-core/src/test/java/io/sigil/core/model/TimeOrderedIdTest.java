package io.sigil.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdTest {

    @Test
    void isAVersion7UuidOfTheRfc4122Variant() {
        UUID id = TimeOrderedId.next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void carriesTheMillisecondsItWasMadeAt() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedId.next();
        long after = System.currentTimeMillis();

        assertThat(TimeOrderedId.epochMillis(id)).isBetween(before, after);
        assertThat(TimeOrderedId.epochMillis(TimeOrderedId.at(1_764_000_000_123L, new SecureRandom())))
                .isEqualTo(1_764_000_000_123L);
    }

    @Test
    void idsOfALaterMillisecondSortAfterAsTextAndAsUuids() {
        SecureRandom random = new SecureRandom();
        for (long millis = 1_700_000_000_000L; millis < 1_700_000_000_000L + 2_000; millis++) {
            UUID earlier = TimeOrderedId.at(millis, random);
            UUID later = TimeOrderedId.at(millis + 1, random);
            assertThat(later.toString()).isGreaterThan(earlier.toString());
            assertThat(Long.compareUnsigned(later.getMostSignificantBits(), earlier.getMostSignificantBits()))
                    .isPositive();
        }
    }

    @Test
    void idsOfTheSameMillisecondDifferInTheirRandomBits() {
        SecureRandom random = new SecureRandom();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(TimeOrderedId.at(1_700_000_000_000L, random));
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void refusesTimesOutsideFortyEightBitsAndOtherVersions() {
        assertThatThrownBy(() -> TimeOrderedId.at(-1, new SecureRandom())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedId.at(1L << 48, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedId.epochMillis(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
