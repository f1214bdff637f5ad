package io.sigil.gateway.pinning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A pin store in a list, for tests; {@link #down} makes every operation fail like an unreachable database. */
public final class InMemoryPinStore implements PinStore {

    public final List<ToolPin> pins = new ArrayList<>();
    public boolean down;
    int reads;

    @Override
    public synchronized CompletionStage<List<ToolPin>> versions(String upstream, String tool) {
        reads++;
        return answer(() -> pins.stream()
                .filter(p -> p.upstream().equals(upstream) && p.tool().equals(tool))
                .toList());
    }

    @Override
    public synchronized CompletionStage<Boolean> insert(ToolPin pin) {
        return answer(() -> {
            boolean known = pins.stream()
                    .anyMatch(p -> p.upstream().equals(pin.upstream())
                            && p.tool().equals(pin.tool())
                            && p.digest().equals(pin.digest()));
            if (!known) {
                pins.add(pin);
            }
            return !known;
        });
    }

    @Override
    public synchronized CompletionStage<Optional<ToolPin>> approve(
            String upstream, String tool, Optional<String> digest, String by, Instant at) {
        return answer(() -> {
            Optional<ToolPin> target = pins.stream()
                    .filter(p -> p.upstream().equals(upstream) && p.tool().equals(tool))
                    .filter(p -> digest.map(p.digest()::equals).orElse(!p.approved()))
                    .max(Comparator.comparing(ToolPin::firstSeen));
            return target.map(p -> {
                ToolPin approved = p.approved()
                        ? p
                        : new ToolPin(
                                p.upstream(),
                                p.tool(),
                                p.digest(),
                                p.definition(),
                                p.firstSeen(),
                                ToolPin.APPROVED,
                                p.changeOf(),
                                p.markers(),
                                by,
                                at);
                pins.set(pins.indexOf(p), approved);
                return approved;
            });
        });
    }

    @Override
    public synchronized CompletionStage<List<ToolPin>> all() {
        return answer(() -> List.copyOf(pins));
    }

    private <T> CompletionStage<T> answer(java.util.function.Supplier<T> value) {
        return down
                ? CompletableFuture.failedFuture(new IllegalStateException("connection refused"))
                : CompletableFuture.completedFuture(value.get());
    }
}
