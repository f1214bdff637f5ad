package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256HasherTest {
    @Test
    void hashesTheGivenRangeIntoTheGivenPlaceOnEveryCall() {
        Random random = new Random(3);
        Sha256Hasher sha = new Sha256Hasher();
        for (int length : new int[] {0, 1, 55, 56, 63, 64, 65, 1000}) {
            byte[] in = new byte[length + 10];
            random.nextBytes(in);
            byte[] out = new byte[40];
            sha.hash(in, 3, length, out, 5);
            assertThat(Arrays.copyOfRange(out, 5, 37)).isEqualTo(Sha256.digest(Arrays.copyOfRange(in, 3, 3 + length)));
            assertThat(Arrays.copyOfRange(out, 0, 5)).containsOnly(0);
            assertThat(Arrays.copyOfRange(out, 37, 40)).containsOnly(0);
        }
    }
}
