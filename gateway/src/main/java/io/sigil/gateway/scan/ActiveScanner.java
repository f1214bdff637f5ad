package io.sigil.gateway.scan;

import io.sigil.core.scan.ScanEngine;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scan engine the stages use right now. A new set of detectors is swapped in as a whole, so a request is
 * scanned entirely by the old engine or entirely by the new one, and none waits for the swap.
 */
public final class ActiveScanner {

    private final AtomicReference<ScanEngine> engine;

    public ActiveScanner(ScanEngine initial) {
        this.engine = new AtomicReference<>(initial);
    }

    public ScanEngine engine() {
        return engine.get();
    }

    public void swap(ScanEngine next) {
        engine.set(next);
    }
}
