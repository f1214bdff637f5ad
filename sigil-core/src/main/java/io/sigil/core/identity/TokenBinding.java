package io.sigil.core.identity;

import java.util.Locale;

/** How an access token is bound to its holder: not at all, to a DPoP key, or to a TLS client certificate. */
public enum TokenBinding {
    BEARER,
    DPOP,
    MTLS;

    /** The rules' key for this binding: {@code bearer}, {@code dpop}, {@code mtls}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
