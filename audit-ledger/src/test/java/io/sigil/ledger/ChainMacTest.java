package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ChainMacTest {

    @Test
    void macIsHmacOverTheLengthPrefixedChainSeqPrevMacAndDigest() throws Exception {
        Random random = new Random(3);
        for (String chain : new String[] {"audit", "tenant-ä-€", ""}) {
            byte[] key = bytes(random, 32);
            byte[] prev = bytes(random, 32);
            byte[] digest = bytes(random, 32);
            long seq = random.nextLong() & Long.MAX_VALUE;
            byte[] name = chain.getBytes(StandardCharsets.UTF_8);
            ByteBuffer input = ByteBuffer.allocate(4 + name.length + 8 + 32 + 32); // big-endian by default
            input.putInt(name.length).put(name).putLong(seq).put(prev).put(digest);
            Mac jdk = Mac.getInstance("HmacSHA256");
            jdk.init(new SecretKeySpec(key, "HmacSHA256"));

            assertThat(ChainMac.mac(key, chain, seq, prev, digest)).isEqualTo(jdk.doFinal(input.array()));
        }
    }

    @Test
    void everyInputChangesTheMac() {
        Random random = new Random(4);
        byte[] key = bytes(random, 32);
        byte[] prev = bytes(random, 32);
        byte[] digest = bytes(random, 32);
        byte[] base = ChainMac.mac(key, "c", 5, prev, digest);
        byte[] otherKey = key.clone();
        otherKey[0] ^= 1;
        byte[] otherPrev = prev.clone();
        otherPrev[31] ^= 1;
        byte[] otherDigest = digest.clone();
        otherDigest[7] ^= 1;
        assertThat(ChainMac.mac(otherKey, "c", 5, prev, digest)).isNotEqualTo(base);
        assertThat(ChainMac.mac(key, "d", 5, prev, digest)).isNotEqualTo(base);
        assertThat(ChainMac.mac(key, "c", 6, prev, digest)).isNotEqualTo(base);
        assertThat(ChainMac.mac(key, "c", 5, otherPrev, digest)).isNotEqualTo(base);
        assertThat(ChainMac.mac(key, "c", 5, prev, otherDigest)).isNotEqualTo(base);
        assertThat(ChainMac.mac(key, "c", 5, prev, digest)).isEqualTo(base);
    }

    @Test
    void genesisPrevMacIsThirtyTwoZeros() {
        assertThat(ChainMac.GENESIS_PREV_MAC).hasSize(32).containsOnly(0);
    }

    @Test
    void sha256IsPlainSha256() throws Exception {
        byte[] data = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(Hex.encode(ChainMac.sha256(data)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ChainMac.sha256(new byte[0]))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest());
    }

    @Test
    void wrongLengthsAreRefused() {
        assertThatThrownBy(() -> ChainMac.mac(new byte[32], "c", 0, new byte[31], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChainMac.mac(new byte[32], "c", 0, new byte[32], new byte[33]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(Random random, int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }
}
