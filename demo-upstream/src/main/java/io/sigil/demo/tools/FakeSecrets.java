package io.sigil.demo.tools;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;

/** Obviously fake credentials drawn from a constant-seeded {@link Random}, so tests can predict them; never real. */
public final class FakeSecrets {

    /** The constant seed every fake credential derives from. */
    public static final long SEED = 0x51_61_11_DE_A0L;

    static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final String AWS_SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";

    /** The three fake credentials, in the order they are drawn from the generator. */
    public record Credentials(String awsAccessKeyId, String awsSecretAccessKey, String githubToken) {}

    private static final Credentials CREDENTIALS = derive(SEED);

    /** {@code AKIA} + 16 characters of [A-Z2-7]. */
    public static final String AWS_ACCESS_KEY_ID = CREDENTIALS.awsAccessKeyId();

    /** 40 characters of [A-Za-z0-9/+]. */
    public static final String AWS_SECRET_ACCESS_KEY = CREDENTIALS.awsSecretAccessKey();

    /** {@code ghp_} + 30 base62 characters + the 6-character base62 CRC32 of those 30 (GitHub's checksum scheme). */
    public static final String GITHUB_TOKEN = CREDENTIALS.githubToken();

    private FakeSecrets() {}

    /** Draws, from {@code new Random(seed)}: 16 access-key characters, 40 secret characters, 30 token characters. */
    public static Credentials derive(long seed) {
        Random random = new Random(seed);
        String accessKeyId = "AKIA" + draw(random, BASE32, 16);
        String secret = draw(random, AWS_SECRET_ALPHABET, 40);
        String tokenBody = draw(random, BASE62, 30);
        return new Credentials(accessKeyId, secret, "ghp_" + tokenBody + githubChecksum(tokenBody));
    }

    /** The 6-character, zero-padded base62 encoding of the CRC32 of {@code body}. */
    public static String githubChecksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[6];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }

    private static String draw(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
