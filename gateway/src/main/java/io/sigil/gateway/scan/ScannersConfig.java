package io.sigil.gateway.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Where the gateway's detector packs come from: the built-in packs and the signed packs of the scanner registry,
 * accepted only when signed by one of the trusted Ed25519 keys.
 */
@ConfigMapping(prefix = "sigil.gateway.scanners")
public interface ScannersConfig {

    /**
     * The registry's Ed25519 public keys that packs must be signed with: each the base64 (standard or URL-safe) of
     * the raw 32-byte key, i.e. the {@code x} of scan-service's JWK. Required in production; development and tests
     * trust the published development key when none is set.
     */
    Optional<List<String>> trustedKeys();

    /**
     * Whether the published development key may be trusted when no key is set; unset means yes in development and
     * test mode and no in production, where the gateway then refuses to start.
     */
    Optional<Boolean> allowDevelopmentKey();

    /** Whether the built-in packs stay on; a registry pack with a built-in pack's name replaces that pack. */
    @WithDefault("true")
    boolean builtIn();

    /** The compacted topic scan-service publishes signed packs on, keyed by pack id. */
    @WithDefault("sigil.scanners")
    String topic();
}
