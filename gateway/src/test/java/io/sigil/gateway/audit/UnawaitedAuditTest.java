package io.sigil.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sigil.core.model.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class UnawaitedAuditTest {

    private final List<CompletableFuture<Void>> acknowledgements = new ArrayList<>();
    private final UnawaitedAudit unawaited = new UnawaitedAudit(
            event -> {
                CompletableFuture<Void> ack = new CompletableFuture<>();
                acknowledgements.add(ack);
                return ack;
            },
            new SimpleMeterRegistry());

    private static AuditEvent event(String activity) {
        return new AuditEvent(
                AuditEvent.newAuditId(),
                Instant.parse("2026-11-24T09:00:00Z"),
                AuditEvent.AUTHORIZE_SESSION,
                activity,
                "gateway",
                "agent-7",
                null,
                "success",
                Map.of());
    }

    @Test
    void countsTheEventsTheBrokerRefusesPerActivity() {
        unawaited.send(event("mcp/session-opened"));
        unawaited.send(event("mcp/session-opened"));
        unawaited.send(event("mcp/sessions-full"));

        acknowledgements.get(0).complete(null);
        acknowledgements.get(1).completeExceptionally(new TimeoutException("broker away"));
        acknowledgements.get(2).completeExceptionally(new TimeoutException("broker away"));

        assertThat(unawaited.unacknowledged("mcp/session-opened")).isEqualTo(1.0);
        assertThat(unawaited.unacknowledged("mcp/sessions-full")).isEqualTo(1.0);
        assertThat(unawaited.unacknowledged("tools/call")).isZero();
    }

    @Test
    void aLoggerThatThrowsAtOnceIsCountedAndNeverReachesTheCaller() {
        UnawaitedAudit throwing = new UnawaitedAudit(
                event -> {
                    throw new IllegalStateException("producer closed");
                },
                new SimpleMeterRegistry());

        throwing.send(event("tool/pinned"));

        assertThat(throwing.unacknowledged("tool/pinned")).isEqualTo(1.0);
    }
}
