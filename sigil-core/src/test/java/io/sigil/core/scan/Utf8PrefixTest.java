package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8PrefixTest {

    @Test
    void malformed_heads_are_refused_and_cut_sequences_are_not() {
        assertThat(Utf8Prefix.mayStartValid("plain ascii".getBytes())).isTrue();
        assertThat(Utf8Prefix.mayStartValid(new byte[] {'a', (byte) 0xC3})).isTrue(); // é cut short
        assertThat(Utf8Prefix.mayStartValid(new byte[] {(byte) 0xC3, (byte) 0xA9}))
                .isTrue();
        assertThat(Utf8Prefix.mayStartValid(new byte[] {(byte) 0xD7, 0x6D})).isFalse(); // what "1234" decodes to
        assertThat(Utf8Prefix.mayStartValid(new byte[] {(byte) 0xA9})).isFalse();
        assertThat(Utf8Prefix.mayStartValid(new byte[] {(byte) 0xC0, (byte) 0x80}))
                .isFalse();
        assertThat(Utf8Prefix.mayStartValid(new byte[] {(byte) 0xF8})).isFalse();
    }

    /** Whenever it refuses a prefix, the strict decoder refuses every text that starts with it. */
    @Test
    void a_refused_prefix_never_decodes_whatever_follows() {
        Random random = new Random(3);
        int refused = 0;
        for (int t = 0; t < 200_000; t++) {
            byte[] bytes = new byte[1 + random.nextInt(16)];
            for (int i = 0; i < bytes.length; i++) {
                // Mostly bytes near the UTF-8 boundaries, so that real sequences occur.
                bytes[i] = (byte) (random.nextBoolean() ? random.nextInt(256) : 0x80 + random.nextInt(0x78));
            }
            int cut = random.nextInt(bytes.length + 1);
            if (!Utf8Prefix.mayStartValid(Arrays.copyOf(bytes, cut))) {
                refused++;
                assertThat(Normaliser.strictUtf8(bytes)).isNull();
            }
        }
        assertThat(refused).isGreaterThan(10_000);
    }
}
