package io.sigil.gateway.pinning;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rug-pull defence: compares every tool an upstream lists with its pinned versions. A tool seen for the
 * first time is pinned; a changed or suspicious definition is recorded as pending and, by policy, kept from
 * callers until an administrator approves it. If the store cannot be used, the review fails and so does the
 * call: an unverified tool is never passed.
 */
public final class ToolPins {

    private static final int MAX_REMEMBERED = 100_000;

    private final PinStore store;
    private final PinningPolicy policy;
    private final InjectionScanner scanner;
    private final PinEvents events;
    private final Clock clock;
    // Approval is never withdrawn, so an approved version may be remembered and the store skipped on the hot path.
    private final Set<String> approved = ConcurrentHashMap.newKeySet();

    public ToolPins(PinStore store, PinningPolicy policy, InjectionScanner scanner, PinEvents events, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.scanner = scanner;
        this.events = events;
        this.clock = clock;
    }

    /** Reviews one tool as the upstream lists it. */
    public CompletionStage<PinDecision> review(String upstream, JsonNode tool) {
        return review(upstream, tool, ToolDigest.of(tool));
    }

    /** Reviews one tool whose digest is already known (the catalogue computes it once per fetch). */
    public CompletionStage<PinDecision> review(String upstream, JsonNode tool, String digest) {
        String name = tool.path("name").asText("");
        if (approved.contains(key(upstream, name, digest))) {
            return CompletableFuture.completedFuture(new PinDecision(name, digest, true, Optional.empty(), List.of()));
        }
        return store.versions(upstream, name).thenCompose(versions -> {
            Optional<ToolPin> known =
                    versions.stream().filter(v -> v.digest().equals(digest)).findFirst();
            if (known.isPresent()) {
                return CompletableFuture.completedFuture(decide(known.get()));
            }
            ToolPin pin = newVersion(upstream, name, digest, tool, versions);
            return store.insert(pin).thenApply(inserted -> {
                PinDecision decision = decide(pin);
                if (inserted) {
                    events.recorded(pin, decision);
                }
                return decision;
            });
        });
    }

    /** Reviews every tool of one {@code tools/list} page, in order. */
    public CompletionStage<List<PinDecision>> review(String upstream, List<JsonNode> tools) {
        List<CompletableFuture<PinDecision>> reviews = tools.stream()
                .map(tool -> review(upstream, tool).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(reviews.toArray(CompletableFuture[]::new))
                .thenApply(done -> reviews.stream().map(CompletableFuture::join).toList());
    }

    /** Approves a version (the newest pending one without a digest); empty when there is none such. */
    public CompletionStage<Optional<ToolPin>> approve(
            String upstream, String tool, Optional<String> digest, String by) {
        return store.approve(upstream, tool, digest, by, clock.instant()).thenApply(pin -> {
            pin.ifPresent(p -> {
                remember(p);
                events.approved(p, by);
            });
            return pin;
        });
    }

    /** Every pin, for administrators. */
    public CompletionStage<List<ToolPin>> all() {
        return store.all();
    }

    private ToolPin newVersion(String upstream, String name, String digest, JsonNode tool, List<ToolPin> versions) {
        List<String> markers = scanner.scan(tool);
        // The version a change is reported against: the newest approved one, else the newest seen.
        String changeOf = versions.stream()
                .max(Comparator.comparing(ToolPin::approved).thenComparing(ToolPin::firstSeen))
                .map(ToolPin::digest)
                .orElse(null);
        String status = changeOf == null && markers.isEmpty() ? ToolPin.APPROVED : ToolPin.PENDING;
        return new ToolPin(
                upstream,
                name,
                digest,
                ToolDigest.pinned(tool),
                clock.instant(),
                status,
                changeOf,
                markers,
                null,
                null);
    }

    private PinDecision decide(ToolPin pin) {
        if (pin.approved()) {
            remember(pin);
        }
        return PinDecision.of(pin, policy);
    }

    private void remember(ToolPin pin) {
        if (pin.approved() && approved.size() < MAX_REMEMBERED) {
            approved.add(key(pin.upstream(), pin.tool(), pin.digest()));
        }
    }

    private static String key(String upstream, String tool, String digest) {
        return upstream + '\u0000' + tool + '\u0000' + digest;
    }

    /** The tools that may be shown, in their order. */
    public static List<JsonNode> usable(List<JsonNode> tools, List<PinDecision> decisions) {
        List<JsonNode> kept = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            if (decisions.get(i).usable()) {
                kept.add(tools.get(i));
            }
        }
        return kept;
    }
}
