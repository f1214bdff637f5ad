package io.sigil.soc.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.soc.DeliveryResult;
import io.sigil.soc.Exporter;
import io.sigil.soc.SealedEvent;
import io.sigil.soc.support.TestEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retry decisions, limits and deadline, on a fake clock. */
class RetryingExporterTest {

    private static final List<SealedEvent> BATCH = TestEvents.batch("c", 0, 3);

    /** A clock that only moves when the sleeper sleeps. */
    private static final class FakeTime extends Clock implements Sleeper {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");
        private final List<Duration> sleeps = new ArrayList<>();

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** An exporter that answers from a script and counts how often it was asked. */
    private static final class Scripted implements Exporter {
        private final Deque<DeliveryResult> answers;
        private int calls;

        Scripted(DeliveryResult... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public DeliveryResult deliver(List<SealedEvent> batch) {
            calls++;
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
    }

    private final FakeTime time = new FakeTime();
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new SplittableRandom(3));

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private RetryingExporter retrying(Exporter delegate, int attempts, Duration deadline) {
        return new RetryingExporter(delegate, backoff, new RetryPolicy(attempts, deadline), time, time);
    }

    @Test
    void retriesRetryableFailuresUntilDelivered() {
        Scripted delegate = new Scripted(
                DeliveryResult.retryable("busy"), DeliveryResult.retryable("busy"), DeliveryResult.delivered(3));

        DeliveryResult result = retrying(delegate, 10, Duration.ofMinutes(1)).deliver(BATCH);

        assertThat(result).isEqualTo(DeliveryResult.delivered(3));
        assertThat(delegate.calls).isEqualTo(3);
        assertThat(time.sleeps).hasSize(2);
        assertThat(time.sleeps.get(0)).isBetween(Duration.ofMillis(100), backoff.ceilingFor(0));
        assertThat(time.sleeps.get(1)).isBetween(Duration.ofMillis(100), backoff.ceilingFor(1));
    }

    @Test
    void permanentFailureReturnsAtOnce() {
        Scripted delegate = new Scripted(DeliveryResult.permanent("HTTP 401"));

        DeliveryResult result = retrying(delegate, 10, Duration.ofMinutes(1)).deliver(BATCH);

        assertThat(result).isEqualTo(DeliveryResult.permanent("HTTP 401"));
        assertThat(delegate.calls).isEqualTo(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void stopsAtTheAttemptLimitWithTheLastReason() {
        Scripted delegate = new Scripted(DeliveryResult.retryable("first"), DeliveryResult.retryable("last"));

        DeliveryResult result = retrying(delegate, 4, Duration.ofHours(1)).deliver(BATCH);

        assertThat(result.isRetryable()).isTrue();
        assertThat(result.reason()).startsWith("last").contains("after 4 attempts", "attempt limit");
        assertThat(delegate.calls).isEqualTo(4);
        assertThat(time.sleeps).hasSize(3);
    }

    @Test
    void neverSleepsPastTheDeadline() {
        Scripted delegate = new Scripted(DeliveryResult.retryable("down"));
        Duration deadline = Duration.ofSeconds(5);

        DeliveryResult result = retrying(delegate, 1000, deadline).deliver(BATCH);

        assertThat(result.reason()).contains("deadline reached");
        Duration slept = time.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(slept).isLessThanOrEqualTo(deadline);
        assertThat(delegate.calls).isEqualTo(time.sleeps.size() + 1).isGreaterThan(2);
    }

    @Test
    void interruptionEndsTheRetriesAndKeepsTheFlag() {
        Scripted delegate = new Scripted(DeliveryResult.retryable("down"));
        RetryingExporter exporter =
                new RetryingExporter(delegate, backoff, new RetryPolicy(10, Duration.ofMinutes(1)), time, d -> {
                    throw new InterruptedException();
                });

        DeliveryResult result = exporter.deliver(BATCH);

        assertThat(result.reason()).contains("interrupted");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(delegate.calls).isEqualTo(1);
    }

    @Test
    void realSleeperWaitsAtLeastTheDelay() throws InterruptedException {
        long start = System.nanoTime();
        Sleeper.THREAD.sleep(Duration.ofMillis(30));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }
}
