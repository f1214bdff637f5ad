package io.sigil.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the whole time of each MCP request inside the gateway, from its routing to the end of its answer, as
 * the timer {@code sigil.gateway.request} with a histogram: beside the stage timers it shows what the gateway
 * adds outside its stages (HTTP, authentication, parsing, thread hand-overs, writing the answer).
 */
@ApplicationScoped
public class RequestTimer {

    static final String NAME = "sigil.gateway.request";

    // Ahead of every other route, authentication included, so that the whole request is inside the timer.
    private static final int FIRST = Integer.MIN_VALUE + 1;

    private final Timer post;
    private final Timer other;

    public RequestTimer(MeterRegistry registry) {
        this.post = timer(registry, "POST");
        this.other = timer(registry, "other");
    }

    private static Timer timer(MeterRegistry registry, String method) {
        return Timer.builder(NAME)
                .description("time of one MCP request inside the gateway, from routing to the end of its answer")
                .tag("method", method)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    void install(@Observes Router router) {
        router.route("/mcp").order(FIRST).handler(context -> {
            long started = System.nanoTime();
            Timer timer = context.request().method().name().equals("POST") ? post : other;
            context.addEndHandler(ended -> timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
            context.next();
        });
    }
}
