package io.sigil.soc.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Exponential growth, cap, floor and spread of the jittered delays. */
class BackoffTest {

    private static final Duration MIN = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(5);

    /** A generator that always answers the top or the bottom of the requested range. */
    private static RandomGenerator extreme(boolean top) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only bounded draws are expected");
            }

            @Override
            public long nextLong(long bound) {
                return top ? bound - 1 : 0;
            }
        };
    }

    @Test
    void ceilingDoublesFromMinUntilTheCap() {
        Backoff b = new Backoff(MIN, MAX, extreme(true));
        assertThat(b.delay(0)).isEqualTo(MIN);
        assertThat(b.delay(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(b.delay(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(b.delay(5)).isEqualTo(Duration.ofMillis(3200));
        assertThat(b.delay(6)).isEqualTo(MAX);
        assertThat(b.delay(61)).isEqualTo(MAX);
        assertThat(b.delay(1000)).isEqualTo(MAX);
    }

    @Test
    void jitterReachesDownToTheFloor() {
        Backoff b = new Backoff(MIN, MAX, extreme(false));
        for (int attempt = 0; attempt < 20; attempt++) {
            assertThat(b.delay(attempt)).isEqualTo(MIN);
        }
    }

    @Test
    void delaysAreSpreadAcrossTheWholeWindow() {
        Backoff b = new Backoff(MIN, MAX, new SplittableRandom(7));
        long below = 0;
        long above = 0;
        for (int i = 0; i < 2000; i++) {
            Duration d = b.delay(10);
            assertThat(d).isBetween(MIN, MAX);
            if (d.compareTo(Duration.ofMillis(1000)) < 0) {
                below++;
            }
            if (d.compareTo(Duration.ofMillis(4000)) > 0) {
                above++;
            }
        }
        // Uniform over [0.1 s, 5 s]: about 18% under 1 s and 20% over 4 s; a constant or capped delay fails this.
        assertThat(below).isBetween(250L, 480L);
        assertThat(above).isBetween(280L, 520L);
    }

    @Test
    void equalMinAndMaxMeansAFixedDelay() {
        Backoff b = new Backoff(MIN, MIN, new SplittableRandom(1));
        assertThat(b.delay(0)).isEqualTo(MIN);
        assertThat(b.delay(9)).isEqualTo(MIN);
        assertThat(b.ceilingFor(9)).isEqualTo(MIN);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, MAX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(MAX, MIN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(MIN, MAX).delay(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
