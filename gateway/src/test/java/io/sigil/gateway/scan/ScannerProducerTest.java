package io.sigil.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.LaunchMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScannerProducerTest {

    @Test
    void onlyDevelopmentAndTestModeTrustTheDevelopmentKeyUnlessConfigured() {
        assertThat(ScannerProducer.allowDevelopmentKey(Optional.empty(), LaunchMode.NORMAL))
                .isFalse();
        assertThat(ScannerProducer.allowDevelopmentKey(Optional.empty(), LaunchMode.DEVELOPMENT))
                .isTrue();
        assertThat(ScannerProducer.allowDevelopmentKey(Optional.empty(), LaunchMode.TEST))
                .isTrue();
        assertThat(ScannerProducer.allowDevelopmentKey(Optional.of(true), LaunchMode.NORMAL))
                .isTrue();
        assertThat(ScannerProducer.allowDevelopmentKey(Optional.of(false), LaunchMode.TEST))
                .isFalse();
    }
}
