package io.sigil.identity.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a write wait until the identities topic has acknowledged the version it wrote: the relay reports each
 * ack, a waiter learns of it or gives up after its timeout. Knows only what this process published.
 */
@ApplicationScoped
public class PublicationTracker {

    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();

    /** The broker acknowledged {@code version} of the record under {@code key}. */
    public void acknowledged(String key, long version) {
        long highest = acknowledged.merge(key, version, Math::max);
        Set<Waiter> waiting = waiters.get(key);
        if (waiting != null) {
            waiting.removeIf(
                    waiter -> waiter.version() <= highest && waiter.done().complete(true));
        }
    }

    /**
     * True once {@code version} (or a later one) of {@code key} is acknowledged, false when {@code patience}
     * runs out first.
     */
    public Uni<Boolean> await(String key, long version, Duration patience) {
        if (patience.isZero() || patience.isNegative()) {
            return Uni.createFrom().item(acknowledged.getOrDefault(key, 0L) >= version);
        }
        Waiter waiter = new Waiter(version, new CompletableFuture<>());
        waiters.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(waiter);
        // The ack may have come before the waiter was registered.
        if (acknowledged.getOrDefault(key, 0L) >= version) {
            waiter.done().complete(true);
        }
        return Uni.createFrom()
                .completionStage(waiter.done())
                .ifNoItem()
                .after(patience)
                .recoverWithItem(false)
                .eventually(() -> forget(key, waiter));
    }

    private void forget(String key, Waiter waiter) {
        Set<Waiter> waiting = waiters.get(key);
        if (waiting != null) {
            waiting.remove(waiter);
        }
    }

    private record Waiter(long version, CompletableFuture<Boolean> done) {
        // Identity, not value, equality: two writes may wait for the same version.
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
