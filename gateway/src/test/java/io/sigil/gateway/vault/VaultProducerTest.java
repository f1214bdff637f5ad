package io.sigil.gateway.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.core.vault.X25519Keys;
import io.sigil.gateway.config.GatewayConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which vault keys a gateway starts with: the configured one, the development one only where allowed. */
class VaultProducerTest {

    @Test
    void aConfiguredKeyIsUsedAsItIs() {
        byte[] key = X25519Keys.raw(X25519Keys.generate().getPublic());

        assertThat(VaultProducer.publicKey(settings(Optional.of(X25519Keys.encode(key)), Optional.of(false))))
                .isEqualTo(key);
    }

    @Test
    void theDevelopmentKeyIsRefusedWhereItIsNotAllowedEvenWhenConfiguredByName() {
        String development = X25519Keys.encode(X25519Keys.developmentPublicKey());

        assertThatThrownBy(() -> VaultProducer.publicKey(settings(Optional.of(development), Optional.of(false))))
                .hasMessageContaining("published development key");
        assertThatThrownBy(() -> VaultProducer.publicKey(settings(Optional.empty(), Optional.of(false))))
                .hasMessageContaining("sigil.gateway.vault.public-key is not set");
        assertThat(VaultProducer.publicKey(settings(Optional.empty(), Optional.of(true))))
                .isEqualTo(X25519Keys.developmentPublicKey());
    }

    @Test
    void aMalformedKeyIsNamedWithoutBeingQuoted() {
        assertThatThrownBy(() -> VaultProducer.publicKey(settings(Optional.of("c2hvcnQ"), Optional.of(true))))
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining("c2hvcnQ");
    }

    private static GatewayConfig.Vault settings(Optional<String> key, Optional<Boolean> development) {
        return new GatewayConfig.Vault() {
            @Override
            public Optional<String> publicKey() {
                return key;
            }

            @Override
            public int keyVersion() {
                return 1;
            }

            @Override
            public Optional<Boolean> allowDevelopmentKey() {
                return development;
            }

            @Override
            public String tenant() {
                return "default";
            }

            @Override
            public String topic() {
                return "sigil.vault.entries";
            }

            @Override
            public Duration ackTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int maxEntryBytes() {
                return 1024;
            }
        };
    }
}
