package io.sigil.core.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.core.spi.VaultProvider.VaultException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntrySealerTest {

    private static final byte[] SECRET = "AKIAQWERTYUIOPASDFGH".getBytes(StandardCharsets.UTF_8);

    private final KeyPair pair = X25519Keys.generate();
    private final EntrySealer sealer = new EntrySealer(X25519Keys.raw(pair.getPublic()), 3);
    private final EntryOpener opener = new EntryOpener(Map.of(3, X25519Keys.raw(pair.getPrivate())));

    @Test
    void opensWhatItSealedAndNeverCarriesThePlaintext() throws VaultException {
        // Given
        String id = UUID.randomUUID().toString();

        // When
        byte[] sealed = sealer.session().seal(id, "acme", SECRET);

        // Then
        assertThat(opener.open(id, "acme", sealed)).isEqualTo(SECRET);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("AKIA");
        assertThat(sealed).hasSize(SealedFormat.HEADER + SECRET.length + 16);
    }

    @Test
    void entriesOfOneSessionOpenAloneAndDiffer() throws VaultException {
        // Given
        EntrySealer.Session session = sealer.session();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        // When
        byte[] one = session.seal(first, "acme", SECRET);
        byte[] two = session.seal(second, "acme", SECRET);

        // Then
        assertThat(one).isNotEqualTo(two);
        assertThat(opener.open(second, "acme", two)).isEqualTo(SECRET);
        assertThat(opener.open(first, "acme", one)).isEqualTo(SECRET);
    }

    @Test
    void refusesAnEntryMovedToAnotherIdOrTenant() {
        // Given
        String id = UUID.randomUUID().toString();
        byte[] sealed = sealer.session().seal(id, "acme", SECRET);

        // Then
        assertThatThrownBy(() -> opener.open(UUID.randomUUID().toString(), "acme", sealed))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("does not open");
        assertThatThrownBy(() -> opener.open(id, "umbrella", sealed))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void refusesEveryFlippedBit() {
        // Given
        String id = UUID.randomUUID().toString();
        byte[] sealed = sealer.session().seal(id, "acme", SECRET);

        // Then: header, key version, ephemeral key (even the top bit X25519 ignores: the salt binds it), nonce,
        // ciphertext and tag alike
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] tampered = sealed.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> opener.open(id, "acme", tampered))
                    .as("bit %d", bit)
                    .isInstanceOf(VaultException.class);
        }
    }

    @Test
    void refusesAKeyVersionItDoesNotHold() {
        // Given
        EntrySealer rotated =
                new EntrySealer(X25519Keys.raw(X25519Keys.generate().getPublic()), 4);
        String id = UUID.randomUUID().toString();

        // Then
        assertThatThrownBy(() -> opener.open(id, "acme", rotated.session().seal(id, "acme", SECRET)))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("key version 4");
    }

    @Test
    void refusesWhatIsNotASealedEntry() {
        assertThatThrownBy(() -> opener.open("x", "acme", "plain text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("not a sealed vault entry");
    }

    @Test
    void encodesKeysAsRfc7748WritesThem() {
        // Given: RFC 7748 §6.1, Alice's keys
        HexFormat hex = HexFormat.of();
        byte[] alicePrivate = hex.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] alicePublic = hex.parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");

        // When
        EntryOpener alice = new EntryOpener(Map.of(1, alicePrivate));

        // Then
        assertThat(alice.publicKey(1)).isEqualTo(alicePublic);
        assertThat(X25519Keys.raw(X25519Keys.publicKey(alicePublic))).isEqualTo(alicePublic);
        assertThat(X25519Keys.decode(X25519Keys.encode(alicePublic))).isEqualTo(alicePublic);
    }

    @Test
    void aBadKeyInConfigurationIsNamedWithoutBeingQuoted() {
        assertThatThrownBy(() -> X25519Keys.decode("not*base64"))
                .hasMessage("an X25519 key must be unpadded base64url");
        assertThatThrownBy(() -> X25519Keys.decode("c2hvcnQ"))
                .hasMessageContaining("has 32 bytes, not 5")
                .hasMessageNotContaining("c2hvcnQ");
    }
}
