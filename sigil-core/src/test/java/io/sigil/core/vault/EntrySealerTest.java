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
        assertThat(opener.open(id, "acme", 3, sealed)).isEqualTo(SECRET);
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
        assertThat(opener.open(second, "acme", 3, two)).isEqualTo(SECRET);
        assertThat(opener.open(first, "acme", 3, one)).isEqualTo(SECRET);
    }

    @Test
    void refusesAnEntryMovedToAnotherIdOrTenant() {
        // Given
        String id = UUID.randomUUID().toString();
        byte[] sealed = sealer.session().seal(id, "acme", SECRET);

        // Then
        assertThatThrownBy(() -> opener.open(UUID.randomUUID().toString(), "acme", 3, sealed))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("does not open");
        assertThatThrownBy(() -> opener.open(id, "umbrella", 3, sealed))
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
            assertThatThrownBy(() -> opener.open(id, "acme", 3, tampered))
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
        byte[] sealed = rotated.session().seal(id, "acme", SECRET);
        assertThatThrownBy(() -> opener.open(id, "acme", 4, sealed))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("key version 4");
        assertThatThrownBy(() -> opener.open(id, "acme", 3, sealed))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("recorded with key version 3 but sealed with 4");
    }

    @Test
    void refusesWhatIsNotASealedEntry() {
        assertThatThrownBy(() -> opener.open("x", "acme", 3, "plain text".getBytes(StandardCharsets.UTF_8)))
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

    @Test
    void refusesAPublicKeyThatIsNotCanonicalOrHasSmallOrder() {
        // Given the vault's key with its top bit set: X25519 ignores the bit, the key derivation would not
        byte[] raw = X25519Keys.raw(pair.getPublic());
        byte[] topBit = raw.clone();
        topBit[31] |= (byte) 0x80;
        // And u = 1, a point of small order, with which no agreement can be made
        byte[] one = new byte[32];
        one[0] = 1;

        // Then neither makes a sealer
        assertThatThrownBy(() -> new EntrySealer(topBit, 3)).hasMessageContaining("canonical");
        assertThatThrownBy(() -> new EntrySealer(one, 3)).hasMessageContaining("no key agreement");
        assertThatThrownBy(() -> new EntrySealer(new byte[32], 3)).hasMessageContaining("no key agreement");
    }

    @Test
    void aClosedSessionSealsNoMore() {
        EntrySealer.Session session = sealer.session();
        session.close();

        assertThatThrownBy(() -> session.seal("id", "acme", SECRET)).hasMessageContaining("closed");
    }

    @Test
    void bindsEachFieldWithItsLengthSoThatNoTwoEntriesShareWhatTheyAreBoundTo() {
        assertThat(SealedFormat.bound("a\0b", "c", 1)).isNotEqualTo(SealedFormat.bound("a", "b\0c", 1));
        assertThat(SealedFormat.bound("ab", "c", 1)).isNotEqualTo(SealedFormat.bound("a", "bc", 1));
    }
}
