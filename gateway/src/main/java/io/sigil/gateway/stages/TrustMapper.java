package io.sigil.gateway.stages;

import io.sigil.core.model.TrustLevel;
import io.sigil.gateway.pipeline.Credentials;
import java.util.Map;
import java.util.Optional;

/**
 * Derives a trust level from a token's claims: the minimum over the axes the token speaks to — the human's
 * eIDAS assurance ({@code acr}) and the client's tier ({@code sigil_client_tier}). A token that speaks to
 * neither is untrusted. (Issue 4 moves these rules into identity-service as data.)
 */
final class TrustMapper {

    private static final Map<String, TrustLevel> EIDAS =
            Map.of("low", TrustLevel.LOW, "substantial", TrustLevel.MEDIUM, "high", TrustLevel.HIGH);
    private static final Map<String, TrustLevel> CLIENT_TIER =
            Map.of("low", TrustLevel.LOW, "medium", TrustLevel.MEDIUM, "high", TrustLevel.HIGH);

    private TrustMapper() {}

    static TrustLevel trustOf(Credentials credentials) {
        Optional<TrustLevel> human = lookup(EIDAS, credentials.claim("acr"));
        Optional<TrustLevel> client = lookup(CLIENT_TIER, credentials.claim("sigil_client_tier"));
        if (human.isEmpty() && client.isEmpty()) {
            return TrustLevel.UNTRUSTED;
        }
        return human.orElse(TrustLevel.HIGH).min(client.orElse(TrustLevel.HIGH));
    }

    private static Optional<TrustLevel> lookup(Map<String, TrustLevel> table, String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(table.get(value));
    }
}
