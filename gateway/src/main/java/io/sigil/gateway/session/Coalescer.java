package io.sigil.gateway.session;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Runs at most one action per key and window: the first of a burst at once, the last once more when the window
 * ends, everything between dropped. An upstream that repeats a notice cannot flood every client's stream with it.
 */
public final class Coalescer {

    /** Runs a task after a delay, on some thread. */
    @FunctionalInterface
    public interface Timer {
        void after(long delayMillis, Runnable task);
    }

    /** Keys are few (notification methods); the bound only guards against a bug that would make them many. */
    private static final int MAX_KEYS = 1_000;

    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Timer timer;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    public Coalescer(Duration window, LongSupplier nanoTime, Timer timer) {
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
        this.timer = timer;
    }

    /** Passes every action on at once. */
    public static Coalescer none() {
        return new Coalescer(Duration.ZERO, System::nanoTime, (delay, task) -> task.run());
    }

    public void submit(String key, Runnable action) {
        if (windowNanos <= 0 || (slots.size() >= MAX_KEYS && !slots.containsKey(key))) {
            action.run();
            return;
        }
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        boolean now;
        long delay = 0;
        synchronized (slot) {
            long time = nanoTime.getAsLong();
            if (slot.pending != null) {
                slot.pending = action; // the trailing run is already booked: it runs the latest action
                return;
            }
            now = !slot.ran || time - slot.lastRun >= windowNanos;
            if (now) {
                slot.ran = true;
                slot.lastRun = time;
            } else {
                slot.pending = action;
                delay = slot.lastRun + windowNanos - time;
            }
        }
        if (now) {
            action.run();
        } else {
            timer.after(Math.max(1, Duration.ofNanos(delay).toMillis()), () -> flush(slot));
        }
    }

    private void flush(Slot slot) {
        Runnable action;
        synchronized (slot) {
            action = slot.pending;
            slot.pending = null;
            slot.lastRun = nanoTime.getAsLong();
        }
        if (action != null) {
            action.run();
        }
    }

    /** One key's state: when it last ran, and the action booked for the window's end. */
    private static final class Slot {
        boolean ran;
        long lastRun;
        Runnable pending;
    }
}
