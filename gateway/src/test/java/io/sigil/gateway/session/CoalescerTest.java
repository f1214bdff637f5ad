package io.sigil.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    /** A clock and a timer the test moves by hand. */
    private static final class Manual {
        final AtomicLong now = new AtomicLong(1_000);
        final List<long[]> due = new ArrayList<>();
        final List<Runnable> tasks = new ArrayList<>();
        final Coalescer coalescer = new Coalescer(Duration.ofMillis(1_000), now::get, (delay, task) -> {
            due.add(new long[] {now.get() + Duration.ofMillis(delay).toNanos()});
            tasks.add(task);
        });

        void advanceMillis(long millis) {
            now.addAndGet(Duration.ofMillis(millis).toNanos());
            for (int i = 0; i < tasks.size(); i++) {
                if (due.get(i)[0] <= now.get() && tasks.get(i) != null) {
                    Runnable task = tasks.get(i);
                    tasks.set(i, null);
                    task.run();
                }
            }
        }
    }

    @Test
    void aBurstRunsItsFirstActionAtOnceAndItsLastWhenTheWindowEnds() {
        Manual manual = new Manual();
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            manual.coalescer.submit("tools", () -> ran.add(n));
            manual.advanceMillis(1);
        }
        assertThat(ran).containsExactly(0);
        assertThat(manual.tasks).hasSize(1);

        manual.advanceMillis(1_000);

        assertThat(ran).containsExactly(0, 99);
    }

    @Test
    void actionsAWindowApartAllRunAtOnceAndKeysDoNotWaitForEachOther() {
        Manual manual = new Manual();
        List<String> ran = new ArrayList<>();
        manual.coalescer.submit("tools", () -> ran.add("tools 1"));
        manual.coalescer.submit("prompts", () -> ran.add("prompts 1"));
        manual.advanceMillis(1_000);
        manual.coalescer.submit("tools", () -> ran.add("tools 2"));

        assertThat(ran).containsExactly("tools 1", "prompts 1", "tools 2");
        assertThat(manual.tasks).isEmpty();
    }

    @Test
    void theWindowCountsFromTheTrailingRun() {
        Manual manual = new Manual();
        List<String> ran = new ArrayList<>();
        manual.coalescer.submit("tools", () -> ran.add("a"));
        manual.advanceMillis(500);
        manual.coalescer.submit("tools", () -> ran.add("b"));
        manual.advanceMillis(500); // b runs at the window's end
        manual.advanceMillis(200);
        manual.coalescer.submit("tools", () -> ran.add("c")); // 200 ms after b: booked, not run

        assertThat(ran).containsExactly("a", "b");
        manual.advanceMillis(800);
        assertThat(ran).containsExactly("a", "b", "c");
    }

    @Test
    void withoutAWindowEveryActionRuns() {
        Coalescer none = Coalescer.none();
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            none.submit("tools", () -> ran.add(n));
        }
        assertThat(ran).containsExactly(0, 1, 2, 3, 4);
    }
}
