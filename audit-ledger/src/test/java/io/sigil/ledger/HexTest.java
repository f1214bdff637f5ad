package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {

    @Test
    void encodesLowerCase() {
        assertThat(Hex.encode(new byte[] {0x00, 0x0f, (byte) 0xab, (byte) 0xff, 0x10}))
                .isEqualTo("000fabff10");
        assertThat(Hex.encode(new byte[0])).isEmpty();
    }

    @Test
    void decodesEitherCaseAndRoundTrips() {
        assertThat(Hex.decode("00AbfF10")).containsExactly(0x00, 0xab, 0xff, 0x10);
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        assertThat(Hex.decode(Hex.encode(all))).isEqualTo(all);
    }

    @Test
    void rejectsOddLengthAndNonHex() {
        assertThatThrownBy(() -> Hex.decode("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.decode("zz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.decode("0g")).isInstanceOf(IllegalArgumentException.class);
    }
}
