package io.sigil.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyedDigestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void isTheHmacOfTheCanonicalFormSoMemberOrderAndSpacingDoNotMatter() throws Exception {
        KeyedDigest digests = new KeyedDigest(KEY);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = "hmac-sha256:"
                + HexFormat.of().formatHex(mac.doFinal("{\"a\":1,\"b\":\"x\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(digests.of(JSON.readTree("{ \"b\" : \"x\", \"a\" : 1.0 }"))).contains(expected);
        assertThat(digests.of(JSON.readTree("{\"a\":1,\"b\":\"x\"}"))).contains(expected);
    }

    @Test
    void anotherValueOrAnotherKeyGivesAnotherDigest() throws Exception {
        KeyedDigest digests = new KeyedDigest(KEY);
        KeyedDigest other = KeyedDigest.of(Optional.of(Base64.getEncoder().encodeToString(new byte[32])));

        String digest = digests.of(JSON.readTree("{\"iban\":\"DE00\"}")).orElseThrow();

        assertThat(digests.of(JSON.readTree("{\"iban\":\"DE01\"}"))).isNotEqualTo(Optional.of(digest));
        assertThat(other.of(JSON.readTree("{\"iban\":\"DE00\"}"))).isNotEqualTo(Optional.of(digest));
        assertThat(digest).doesNotContain("DE00").matches("hmac-sha256:[0-9a-f]{64}");
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new KeyedDigest(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        KeyedDigest digests = new KeyedDigest(KEY);
        String expected = digests.of(JSON.readTree("{\"n\":42}")).orElseThrow();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var results = pool.invokeAll(java.util.Collections.nCopies(
                    200, () -> digests.of(JSON.readTree("{\"n\":42}")).orElseThrow()));
            for (var result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
