package io.sigil.runtime.health;

import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Logs a dependency's state only when it changes, so that a broker or database that goes away yields one
 * line when it goes and one when it comes back, never a flood.
 */
final class TransitionLog {

    private static final Logger LOG = Logger.getLogger(TransitionLog.class);

    private final String dependency;
    private final AtomicReference<Boolean> lastUp = new AtomicReference<>();

    TransitionLog(String dependency) {
        this.dependency = dependency;
    }

    void record(boolean up, String detail) {
        Boolean previous = lastUp.getAndSet(up);
        if (previous != null && previous == up) {
            return;
        }
        if (up) {
            LOG.infof("%s is reachable%s", dependency, previous == null ? "" : " again");
        } else {
            LOG.warnf("%s is unreachable: %s; reporting not-ready until it is back", dependency, detail);
        }
    }
}
