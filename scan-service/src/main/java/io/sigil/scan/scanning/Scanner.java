package io.sigil.scan.scanning;

import io.sigil.core.scan.ScanEngine;
import jakarta.enterprise.context.ApplicationScoped;

/** The service's one engine over the built-in packs, built once: it is immutable and shared by every request. */
@ApplicationScoped
public class Scanner {

    private final ScanEngine engine = ScanEngine.builtIn();

    public ScanEngine engine() {
        return engine;
    }
}
