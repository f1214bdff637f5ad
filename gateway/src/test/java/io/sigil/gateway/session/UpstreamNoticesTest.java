package io.sigil.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.gateway.federation.Federation;
import io.sigil.gateway.federation.Member;
import io.sigil.gateway.testing.Upstreams;
import io.sigil.gateway.upstream.Upstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class UpstreamNoticesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An upstream that lists one tool, counts its lists, and lets the test send notifications. */
    private static final class Noisy {
        final AtomicInteger lists = new AtomicInteger();
        Consumer<ObjectNode> listener = notice -> {};
        final Upstream upstream = new Upstream() {
            @Override
            public String name() {
                return "noisy";
            }

            @Override
            public java.util.concurrent.CompletionStage<ObjectNode> call(
                    ObjectNode request, Consumer<ObjectNode> notifications) {
                lists.incrementAndGet();
                ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
                answer.set("id", request.get("id"));
                answer.putObject("result").putArray("tools").addObject().put("name", "t");
                return CompletableFuture.completedFuture(answer);
            }

            @Override
            public void onNotification(Consumer<ObjectNode> listener) {
                Noisy.this.listener = listener;
            }
        };
    }

    private static ObjectNode notice(String method) {
        return JSON.createObjectNode()
                .put("jsonrpc", "2.0")
                .put("method", method)
                .set("params", JSON.createObjectNode().put("level", "info").put("data", "x"));
    }

    @Test
    void aChangedToolListReachesEveryStreamAndMakesTheCatalogueFetchAgain() {
        Noisy noisy = new Noisy();
        Member member = Upstreams.member(noisy.upstream, "");
        List<ObjectNode> streamed = new ArrayList<>();
        new UpstreamNotices(streamed::add).listenTo(new Federation(List.of(member)));
        member.catalog().tools().toCompletableFuture().join();
        member.catalog().tools().toCompletableFuture().join();
        assertThat(noisy.lists).hasValue(1);

        noisy.listener.accept(notice("notifications/tools/list_changed"));
        member.catalog().tools().toCompletableFuture().join();

        assertThat(noisy.lists).as("fetched again after list_changed").hasValue(2);
        assertThat(streamed).singleElement().satisfies(notice -> {
            assertThat(notice.path("method").asText()).isEqualTo("notifications/tools/list_changed");
            assertThat(notice.has("params"))
                    .as("nothing of the upstream's message but its method")
                    .isFalse();
        });
    }

    @Test
    void aBurstOfChangesReachesTheStreamsTwiceButTheCatalogueForgetsEachTime() {
        Noisy noisy = new Noisy();
        Member member = Upstreams.member(noisy.upstream, "");
        List<ObjectNode> streamed = new ArrayList<>();
        List<Runnable> booked = new ArrayList<>();
        Coalescer coalescer = new Coalescer(Duration.ofSeconds(1), () -> 0L, (delay, task) -> booked.add(task));
        new UpstreamNotices(streamed::add, coalescer).listenTo(new Federation(List.of(member)));

        for (int i = 0; i < 50; i++) {
            noisy.listener.accept(notice("notifications/tools/list_changed"));
            member.catalog().tools().toCompletableFuture().join();
        }

        assertThat(noisy.lists).as("every change meets the pins at once").hasValue(50);
        assertThat(streamed).hasSize(1);
        booked.forEach(Runnable::run);
        assertThat(streamed).hasSize(2);
    }

    @Test
    void otherNotificationsAreNotRelayed() {
        Noisy noisy = new Noisy();
        List<ObjectNode> streamed = new ArrayList<>();
        new UpstreamNotices(streamed::add).listenTo(new Federation(List.of(Upstreams.member(noisy.upstream, ""))));

        noisy.listener.accept(notice("notifications/message"));
        noisy.listener.accept(notice("notifications/resources/updated"));

        assertThat(streamed).isEmpty();
    }
}
