package io.sigil.gateway.scan;

import io.sigil.core.scan.ScanEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Produces the gateway's scanner: the built-in detector packs until signed packs from the registry are swapped in. */
@ApplicationScoped
public class ScannerProducer {

    @Produces
    @ApplicationScoped
    ActiveScanner activeScanner() {
        return new ActiveScanner(ScanEngine.builtIn());
    }
}
