package io.sigil.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustLevelTest {

    @Test
    void combinesByTheWeakestLevel() {
        assertThat(TrustLevel.HIGH.min(TrustLevel.LOW)).isEqualTo(TrustLevel.LOW);
        assertThat(TrustLevel.LOW.min(TrustLevel.HIGH)).isEqualTo(TrustLevel.LOW);
        assertThat(TrustLevel.UNTRUSTED.min(TrustLevel.MEDIUM)).isEqualTo(TrustLevel.UNTRUSTED);
    }

    @Test
    void comparesAgainstARequiredLevel() {
        assertThat(TrustLevel.MEDIUM.atLeast(TrustLevel.LOW)).isTrue();
        assertThat(TrustLevel.MEDIUM.atLeast(TrustLevel.HIGH)).isFalse();
    }

    @Test
    void usesTheSeedsWireNames() {
        assertThat(TrustLevel.HIGH.wireName()).isEqualTo("High");
        assertThat(TrustLevel.fromWire("untrusted")).isEqualTo(TrustLevel.UNTRUSTED);
        assertThatThrownBy(() -> TrustLevel.fromWire("root")).isInstanceOf(IllegalArgumentException.class);
    }
}
