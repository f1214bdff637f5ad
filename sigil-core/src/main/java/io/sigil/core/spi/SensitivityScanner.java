package io.sigil.core.spi;

import java.util.Optional;

/**
 * Seed 004: detects sensitive content. Implementations must be stateless, thread-safe and pure: no
 * network, file or clock access.
 */
public interface SensitivityScanner {

    /** The category of the first sensitive content in the text (e.g. {@code IBAN}), or empty if it is safe. */
    Optional<String> scan(String text);
}
