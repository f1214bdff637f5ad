package io.sigil.demo.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Plain unit checks: the fake IBANs are mod-97 valid and the fake GitHub token's CRC32 checksum verifies. */
class FakeDataTest {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void documentationIbanPassesMod97() {
        assertThat(mod97("DE89 3704 0044 0532 0130 00")).isEqualTo(1);
        assertThat(FakeIban.isValid(FakeIban.DOCUMENTATION_EXAMPLE)).isTrue();
    }

    @Test
    void computedIbanPassesMod97() {
        String iban = FakeIban.COMPUTED;
        assertThat(iban).matches("DE\\d{2} 9991 2345 0000 4242 42");
        assertThat(mod97(iban)).isEqualTo(1);
        assertThat(FakeIban.isValid(iban)).isTrue();
    }

    @Test
    void corruptedIbanFailsMod97() {
        assertThat(FakeIban.isValid("DE89 3704 0044 0532 0130 01")).isFalse();
        assertThat(FakeIban.isValid("DE88 3704 0044 0532 0130 00")).isFalse();
    }

    @Test
    void awsKeysHaveTheRightShape() {
        assertThat(FakeSecrets.AWS_ACCESS_KEY_ID).matches("AKIA[A-Z2-7]{16}");
        assertThat(FakeSecrets.AWS_SECRET_ACCESS_KEY).matches("[A-Za-z0-9/+]{40}");
    }

    @Test
    void githubTokenChecksumVerifies() {
        String token = FakeSecrets.GITHUB_TOKEN;
        assertThat(token).matches("ghp_[0-9A-Za-z]{36}");
        String body = token.substring(4, 34);
        String checksum = token.substring(34);
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        assertThat(base62Decode(checksum)).isEqualTo(crc.getValue());
    }

    @Test
    void secretsAreReproducibleFromTheSeed() {
        FakeSecrets.Credentials again = FakeSecrets.derive(FakeSecrets.SEED);
        assertThat(again.awsAccessKeyId()).isEqualTo(FakeSecrets.AWS_ACCESS_KEY_ID);
        assertThat(again.awsSecretAccessKey()).isEqualTo(FakeSecrets.AWS_SECRET_ACCESS_KEY);
        assertThat(again.githubToken()).isEqualTo(FakeSecrets.GITHUB_TOKEN);
        assertThat(FakeSecrets.derive(FakeSecrets.SEED + 1).githubToken()).isNotEqualTo(FakeSecrets.GITHUB_TOKEN);
    }

    /** Independent ISO 7064 mod-97-10, digit by digit, without BigInteger. */
    private static int mod97(String iban) {
        String compact = iban.replace(" ", "");
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder;
    }

    private static long base62Decode(String text) {
        long value = 0;
        for (char c : text.toCharArray()) {
            value = value * 62 + BASE62.indexOf(c);
        }
        return value;
    }
}
