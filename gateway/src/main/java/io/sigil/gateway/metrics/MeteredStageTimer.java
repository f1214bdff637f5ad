package io.sigil.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sigil.gateway.pipeline.StageTimer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Publishes each stage's time as the timer {@code sigil.gateway.stage} (tags {@code stage}, {@code outcome}),
 * with a histogram, so that an operator sees which stage adds the latency.
 */
public final class MeteredStageTimer implements StageTimer {

    static final String NAME = "sigil.gateway.stage";

    private final MeterRegistry registry;
    // By stage, then outcome: looked up per stage of every request, so no key is built per call.
    private final Map<String, Map<String, Timer>> timers = new ConcurrentHashMap<>();

    public MeteredStageTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void record(String stage, String outcome, long nanos) {
        timers.computeIfAbsent(stage, name -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, key -> Timer.builder(NAME)
                        .description("time of one gateway stage for one exchange")
                        .tag("stage", stage)
                        .tag("outcome", outcome)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofNanos(10_000))
                        .maximumExpectedValue(Duration.ofSeconds(30))
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
