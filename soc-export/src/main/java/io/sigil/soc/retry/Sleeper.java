package io.sigil.soc.retry;

import java.time.Duration;

/** Waits between attempts; tests substitute one that advances a fake clock instead. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
