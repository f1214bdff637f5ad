package io.sigil.gateway.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.gateway.catalog.ToolCatalog;
import io.sigil.gateway.federation.Federation;
import io.sigil.gateway.federation.Member;
import io.sigil.gateway.upstream.Upstream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/** Upstreams and federations made of functions, for stage tests without a server. */
public final class Upstreams {

    private Upstreams() {}

    public static Upstream of(String name, Function<ObjectNode, CompletionStage<ObjectNode>> calls) {
        return of(name, (request, notifications) -> calls.apply(request));
    }

    /** An upstream that may send notifications to the caller before it answers. */
    public static Upstream of(
            String name, BiFunction<ObjectNode, Consumer<ObjectNode>, CompletionStage<ObjectNode>> calls) {
        return new Upstream() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CompletionStage<ObjectNode> call(ObjectNode request, Consumer<ObjectNode> notifications) {
                return calls.apply(request, notifications);
            }
        };
    }

    public static Member member(Upstream upstream, String prefix) {
        return new Member(upstream, new ToolCatalog(upstream::call, Duration.ofMinutes(1), Clock.systemUTC()), prefix);
    }

    /** One upstream, names unchanged: the gateway's single-upstream set-up. */
    public static Federation single(String name, Function<ObjectNode, CompletionStage<ObjectNode>> calls) {
        return new Federation(List.of(member(of(name, calls), "")));
    }

    public static Federation single(Upstream upstream) {
        return new Federation(List.of(member(upstream, "")));
    }
}
