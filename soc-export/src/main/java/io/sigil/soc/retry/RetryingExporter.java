package io.sigil.soc.retry;

import io.sigil.soc.DeliveryResult;
import io.sigil.soc.Exporter;
import io.sigil.soc.SealedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Retries another exporter's retryable failures with backoff, within an attempt limit and a deadline. */
public final class RetryingExporter implements Exporter {

    private final Exporter delegate;
    private final Backoff backoff;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;

    public RetryingExporter(Exporter delegate, Backoff backoff, RetryPolicy policy) {
        this(delegate, backoff, policy, Clock.systemUTC(), Sleeper.THREAD);
    }

    public RetryingExporter(Exporter delegate, Backoff backoff, RetryPolicy policy, Clock clock, Sleeper sleeper) {
        this.delegate = delegate;
        this.backoff = backoff;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Delivered and permanent results return at once; otherwise the last failure once the policy is spent. A failure
     * that confirmed a leading part of the batch is retried with the rest only, and results count the whole batch.
     */
    @Override
    public DeliveryResult deliver(List<SealedEvent> batch) {
        Instant deadline = clock.instant().plus(policy.deadline());
        int attempt = 1;
        int confirmed = 0;
        while (true) {
            DeliveryResult result = delegate.deliver(batch.subList(confirmed, batch.size()));
            if (result.isDelivered()) {
                return DeliveryResult.delivered(confirmed + result.events());
            }
            confirmed += result.events();
            if (!result.isRetryable()) {
                return result.after(confirmed);
            }
            if (attempt >= policy.maxAttempts()) {
                return giveUp(result, attempt, "attempt limit reached").after(confirmed);
            }
            Duration pause = backoff.delay(attempt - 1);
            if (clock.instant().plus(pause).isAfter(deadline)) {
                return giveUp(result, attempt, "deadline reached").after(confirmed);
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return giveUp(result, attempt, "interrupted").after(confirmed);
            }
            attempt++;
        }
    }

    private static DeliveryResult giveUp(DeliveryResult last, int attempts, String why) {
        // Still retryable: the caller keeps its cursor and offers the batch again later.
        return DeliveryResult.retryable(last.reason() + " [gave up after " + attempts + " attempts: " + why + "]");
    }

    @Override
    public String toString() {
        return "RetryingExporter[" + delegate + ", " + policy + "]";
    }
}
