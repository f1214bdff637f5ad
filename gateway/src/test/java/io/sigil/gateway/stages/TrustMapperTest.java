package io.sigil.gateway.stages;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.core.model.TrustLevel;
import io.sigil.gateway.pipeline.Credentials;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustMapperTest {

    private static TrustLevel trust(Map<String, Object> claims) {
        return TrustMapper.trustOf(new Credentials("s", "c", null, claims));
    }

    @Test
    void mapsEidasLevelsOfUsers() {
        assertThat(trust(Map.of("acr", "low"))).isEqualTo(TrustLevel.LOW);
        assertThat(trust(Map.of("acr", "substantial"))).isEqualTo(TrustLevel.MEDIUM);
        assertThat(trust(Map.of("acr", "high"))).isEqualTo(TrustLevel.HIGH);
    }

    @Test
    void takesTheWeakerOfUserAndClient() {
        assertThat(trust(Map.of("acr", "high", "sigil_client_tier", "low"))).isEqualTo(TrustLevel.LOW);
        assertThat(trust(Map.of("sigil_client_tier", "medium"))).isEqualTo(TrustLevel.MEDIUM);
    }

    @Test
    void distrustsTokensThatSpeakToNoAxisOrUseUnknownValues() {
        assertThat(trust(Map.of())).isEqualTo(TrustLevel.UNTRUSTED);
        assertThat(trust(Map.of("acr", "1"))).isEqualTo(TrustLevel.UNTRUSTED);
    }
}
