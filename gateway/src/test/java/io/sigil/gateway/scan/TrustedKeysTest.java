package io.sigil.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedKeysTest {

    @Test
    void theDevelopmentKeyIsScanServicesPublishedDevelopmentKey() {
        // Given scan-service's development signer
        SignedPacks development = SignedPacks.development();

        // Then the gateway's development key is its public half
        assertThat(TrustedKeys.DEVELOPMENT_KEY).isEqualTo(development.publicKeyBase64());
        TrustedKeys.Loaded loaded = TrustedKeys.load(Optional.empty(), true);
        assertThat(loaded).isInstanceOf(TrustedKeys.Loaded.Trusted.class);
        TrustedKeys keys = ((TrustedKeys.Loaded.Trusted) loaded).keys();
        assertThat(keys.development()).isTrue();
        assertThat(keys.byKeyId(development.keyId())).isPresent();
    }

    @Test
    void withoutAKeyAndWithoutTheDevelopmentKeyNothingIsTrusted() {
        // When no key is configured outside development
        TrustedKeys.Loaded loaded = TrustedKeys.load(Optional.of(List.of(" ")), false);

        // Then the gateway must not start, and says which property to set
        assertThat(loaded).isInstanceOf(TrustedKeys.Loaded.Refused.class);
        assertThat(((TrustedKeys.Loaded.Refused) loaded).reason()).contains("sigil.gateway.scanners.trusted-keys");
    }

    @Test
    void aConfiguredKeyIsTheOnlyOneTrustedInEitherBase64Form() {
        // Given a registry key, written as a JWK's x (URL-safe, unpadded)
        SignedPacks registry = SignedPacks.random();
        String urlSafe =
                registry.publicKeyBase64().replace('+', '-').replace('/', '_').replace("=", "");

        // When it is configured
        TrustedKeys keys = ((TrustedKeys.Loaded.Trusted) TrustedKeys.load(Optional.of(List.of(urlSafe)), true)).keys();

        // Then it is trusted, and the development key is not
        assertThat(keys.development()).isFalse();
        assertThat(keys.byKeyId(registry.keyId())).isPresent();
        assertThat(keys.byKeyId(SignedPacks.development().keyId())).isEmpty();
    }

    @Test
    void aKeyThatIsNotThirtyTwoBytesStopsTheStart() {
        assertThat(TrustedKeys.load(Optional.of(List.of("c2hvcnQ=")), true))
                .isInstanceOf(TrustedKeys.Loaded.Refused.class);
        assertThat(TrustedKeys.load(Optional.of(List.of("not base64!")), true))
                .isInstanceOf(TrustedKeys.Loaded.Refused.class);
    }
}
