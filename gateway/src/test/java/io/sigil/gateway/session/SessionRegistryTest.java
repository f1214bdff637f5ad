package io.sigil.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.gateway.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final SessionRegistry registry = new SessionRegistry(clock, Duration.ofMinutes(30), 5, 2);

    private McpSession open(String subject, String client) {
        return ((SessionRegistry.Created) registry.open(subject, client, "2025-11-25")).session();
    }

    @Test
    void aSessionIsFoundOnlyByTheCallerThatOpenedIt() {
        McpSession session = open("service-account-a", "agent-a");

        assertThat(registry.find(session.id(), "service-account-a", "agent-a")).contains(session);
        assertThat(registry.find(session.id(), "service-account-b", "agent-a")).isEmpty();
        assertThat(registry.find(session.id(), "service-account-a", "agent-b")).isEmpty();
        assertThat(registry.find("made-up", "service-account-a", "agent-a")).isEmpty();
        assertThat(session.id()).matches("[A-Za-z0-9_-]{32}");
        assertThat(open("service-account-a", "agent-a").id()).isNotEqualTo(session.id());
    }

    @Test
    void anIdleSessionIsForgottenAndItsListenerToldButAUsedOneStays() {
        McpSession idle = open("s", "agent-a");
        McpSession used = open("s", "agent-b");
        List<String> ended = new ArrayList<>();
        registry.onEnd(idle.id(), gone -> ended.add(gone.id()));

        clock.advance(Duration.ofMinutes(20));
        assertThat(registry.find(used.id(), "s", "agent-b")).isPresent();
        clock.advance(Duration.ofMinutes(20));

        assertThat(registry.find(idle.id(), "s", "agent-a")).isEmpty();
        assertThat(registry.find(used.id(), "s", "agent-b")).isPresent();
        assertThat(ended).containsExactly(idle.id());
    }

    @Test
    void aClientAtItsBoundLosesItsLeastRecentlyUsedSession() {
        McpSession first = open("s", "agent-a");
        McpSession second = open("s", "agent-a");
        registry.find(first.id(), "s", "agent-a");

        McpSession third = open("s", "agent-a");

        assertThat(registry.find(second.id(), "s", "agent-a")).isEmpty();
        assertThat(registry.find(first.id(), "s", "agent-a")).isPresent();
        assertThat(registry.find(third.id(), "s", "agent-a")).isPresent();
    }

    @Test
    void oneUserOfASharedClientCannotPushOutAnothersSessions() {
        McpSession alices = open("alice", "shared-cli");
        open("bob", "shared-cli");
        open("bob", "shared-cli");
        open("bob", "shared-cli");

        assertThat(registry.find(alices.id(), "alice", "shared-cli")).isPresent();
    }

    @Test
    void aFullGatewayRefusesNewSessionsInsteadOfDroppingOthers() {
        for (int i = 0; i < 5; i++) {
            open("s", "agent-" + i);
        }

        assertThat(registry.open("s", "agent-9", "2025-11-25")).isEqualTo(new SessionRegistry.Full(5));
        assertThat(registry.size()).isEqualTo(5);
    }

    @Test
    void closingEndsTheSessionOnceAndOnlyForItsOwner() {
        McpSession session = open("s", "agent-a");
        List<String> ended = new ArrayList<>();
        registry.onEnd(session.id(), gone -> ended.add(gone.id()));

        assertThat(registry.close(session.id(), "s", "agent-b")).isFalse();
        assertThat(registry.close(session.id(), "s", "agent-a")).isTrue();
        assertThat(registry.close(session.id(), "s", "agent-a")).isFalse();

        assertThat(ended).containsExactly(session.id());
        assertThat(registry.find(session.id(), "s", "agent-a")).isEmpty();
    }
}
