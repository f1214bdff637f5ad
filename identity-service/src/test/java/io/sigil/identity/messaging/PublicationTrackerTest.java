package io.sigil.identity.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PublicationTrackerTest {

    private static final Duration SHORT = Duration.ofMillis(100);
    private static final Duration LONG = Duration.ofSeconds(5);

    @Test
    void aWaiterLearnsOfTheAckOfItsVersionOrALaterOne() {
        // Given two writers waiting for versions 2 and 3 of one key
        PublicationTracker tracker = new PublicationTracker();
        Uni<Boolean> two = tracker.await("did:sigil:a", 2, LONG).memoize().indefinitely();
        Uni<Boolean> three = tracker.await("did:sigil:a", 3, LONG).memoize().indefinitely();
        two.subscribe().with(x -> {});
        three.subscribe().with(x -> {});

        // When version 3 is acknowledged
        tracker.acknowledged("did:sigil:a", 3);

        // Then both learn it at once
        assertThat(two.await().atMost(SHORT)).isTrue();
        assertThat(three.await().atMost(SHORT)).isTrue();
    }

    @Test
    void anAckThatCameBeforeTheWaiterCounts() {
        // Given version 5 already acknowledged
        PublicationTracker tracker = new PublicationTracker();
        tracker.acknowledged("sigil:trust-rules", 5);

        // When a writer waits for version 4
        // Then it is answered at once
        assertThat(tracker.await("sigil:trust-rules", 4, LONG).await().atMost(SHORT))
                .isTrue();
    }

    @Test
    void aWaiterGivesUpWhenNoAckComesOrOnlyAnOlderOne() {
        // Given a writer waiting for version 2, and only version 1 acknowledged (and another key's version 2)
        PublicationTracker tracker = new PublicationTracker();
        tracker.acknowledged("did:sigil:a", 1);
        tracker.acknowledged("did:sigil:b", 2);

        // When its patience runs out
        // Then it is told false; with no patience at all too
        assertThat(tracker.await("did:sigil:a", 2, SHORT).await().atMost(LONG)).isFalse();
        assertThat(tracker.await("did:sigil:a", 2, Duration.ZERO).await().atMost(LONG))
                .isFalse();
    }
}
