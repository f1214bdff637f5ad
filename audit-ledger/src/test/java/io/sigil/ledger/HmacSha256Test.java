package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha256Test {

    @Test
    void rfc4231TestCases1And2() {
        byte[] key1 = new byte[20];
        java.util.Arrays.fill(key1, (byte) 0x0b);
        assertThat(Hex.encode(HmacSha256.mac(key1, "Hi There".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        assertThat(Hex.encode(HmacSha256.mac(
                        "Jefe".getBytes(StandardCharsets.US_ASCII),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void agreesWithTheJdkForKeysShorterAndLongerThanABlockAndAcrossReuse() throws Exception {
        Random random = new Random(42);
        HmacSha256 ours = new HmacSha256();
        for (int keyLength = 1; keyLength <= 200; keyLength += 7) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            Mac jdk = Mac.getInstance("HmacSHA256");
            jdk.init(new SecretKeySpec(key, "HmacSHA256"));
            ours.init(key);
            for (int message = 0; message < 3; message++) { // same key, several messages: doFinal must re-arm
                byte[] data = new byte[random.nextInt(300)];
                random.nextBytes(data);
                ours.update(data, 0, data.length / 2);
                ours.update(data, data.length / 2, data.length - data.length / 2);
                assertThat(ours.doFinal()).isEqualTo(jdk.doFinal(data));
            }
        }
    }

    @Test
    void wipeForgetsTheKey() {
        HmacSha256 hmac = new HmacSha256();
        hmac.init(new byte[] {1, 2, 3});
        hmac.wipe();
        org.assertj.core.api.Assertions.assertThatThrownBy(hmac::doFinal).isInstanceOf(IllegalStateException.class);
    }
}
