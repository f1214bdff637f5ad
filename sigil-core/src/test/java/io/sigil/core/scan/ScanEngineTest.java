package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ScanEngineTest {

    private static final ScanEngine ENGINE = ScanEngine.builtIn();
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void an_aws_key_id_split_by_zero_width_spaces_is_caught_with_the_span_covering_the_original_chars() {
        // Given a fake key id with zero-width spaces inside
        String key = fakeAwsKeyId(new Random(1));
        String disguised = key.substring(0, 2) + "\u200B" + key.substring(2, 4) + "\u200B\u200D" + key.substring(4);
        String text = "creds: " + disguised + " end";

        // When
        List<Finding> findings = ENGINE.findings(text);

        // Then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.detectorId()).isEqualTo("aws-access-key-id");
            assertThat(text.substring(f.start(), f.end())).isEqualTo(disguised);
        });
        assertThat(ENGINE.scan(text)).contains("AWS Access Key");
    }

    @Test
    void a_base64_wrapped_github_token_is_caught_with_the_span_of_the_base64_token() {
        // Given
        String wrapped = Base64.getEncoder()
                .encodeToString(("token=" + fakeGithubToken(new Random(2))).getBytes(StandardCharsets.UTF_8));
        String text = "payload: " + wrapped + " ok";

        // When
        List<Finding> findings = ENGINE.findings(text);

        // Then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.detectorId()).isEqualTo("github-token");
            assertThat(text.substring(f.start(), f.end())).isEqualTo(wrapped);
        });
    }

    @Test
    void percent_and_entity_encoded_secrets_are_caught_and_mapped_back() {
        // Given
        String key = fakeAwsKeyId(new Random(3));
        String encoded = "%41%4B&#73;&#x41;" + key.substring(4);
        String text = "k=" + encoded;

        // When / Then
        assertThat(ENGINE.findings(text)).singleElement().satisfies(f -> assertThat(text.substring(f.start(), f.end()))
                .isEqualTo(encoded));
    }

    @Test
    void a_fullwidth_aws_key_id_is_caught_after_nfkc() {
        // Given a fake key id written with fullwidth letters
        String key = fakeAwsKeyId(new Random(7));
        StringBuilder fullwidth = new StringBuilder();
        key.chars().forEach(c -> fullwidth.append((char) (c + 0xFEE0)));
        String text = "id: " + fullwidth;

        // When / Then
        assertThat(ENGINE.findings(text)).singleElement().satisfies(f -> {
            assertThat(f.detectorId()).isEqualTo("aws-access-key-id");
            assertThat(f.start()).isEqualTo(4);
            assertThat(f.end()).isEqualTo(text.length());
        });
    }

    @Test
    void a_long_digit_run_is_not_reported_as_a_card_even_when_a_window_edge_falls_inside_it() {
        // Given a valid card whose window (24 chars) ends inside a following 40-digit number, whose first 16
        // digits alone would pass Luhn
        String text = "4111 1111 1111 1111" + " ".repeat(8) + "4111111111111111" + "1".repeat(24);

        // When / Then only the real card is found
        assertThat(ENGINE.findings(text)).extracting(Finding::start).containsExactly(0);
    }

    @Test
    void one_megabyte_of_adversarial_input_is_scanned_within_a_generous_bound() {
        // Given inputs built to hurt backtracking engines and naive keyword windows
        List<String> inputs = List.of(
                "a".repeat(1_000_000),
                "AKIA".repeat(250_000),
                "@".repeat(1_000_000),
                "1".repeat(1_000_000),
                "-----BEGIN PRIVATE KEY-----".repeat(37_000),
                "&#".repeat(500_000),
                // base64 of "AKIAAAAAAAAA": every token decodes and holds a keyword, so only the budget stops it
                "QUtJQUFBQUFBQUFB ".repeat(58_824));
        // Warm the JIT on a smaller mix first, so that the guard measures the algorithm, not compilation
        for (int round = 0; round < 3; round++) {
            inputs.forEach(input -> ENGINE.findings(input.substring(0, 100_000)));
        }

        for (String input : inputs) {
            // When: best of three, so that a GC pause on a busy CI box is not mistaken for super-linear work
            long millis = Long.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                long started = System.nanoTime();
                ENGINE.findings(input);
                millis = Math.min(millis, (System.nanoTime() - started) / 1_000_000);
            }

            // Then: a guard against super-linear behaviour, not a benchmark
            System.out.printf("1 MB adversarial %s...: %d ms%n", input.substring(0, 8), millis);
            assertThat(millis).as("scan of %s...", input.substring(0, 8)).isLessThan(200);
        }
    }

    @Test
    void placeholders_uuids_and_hashes_are_not_reported() {
        // Given hard negatives that look random or key-like
        String text = "api_key=YOUR_API_KEY id=" + UUID.nameUUIDFromBytes(new byte[] {1})
                + " sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
                + " token=<your-token> secret=changeme";

        // When / Then
        assertThat(ENGINE.findings(text)).isEmpty();
        assertThat(ENGINE.scan(text)).isEmpty();
    }

    @Test
    void documentation_example_keys_are_reported_because_they_are_structurally_valid() {
        // Given AWS's documented example key id: structure alone cannot tell it from a real one, and a
        // false positive here costs a vault entry while a false negative leaks a key
        String text = "AKIAIOSFODNN7EXAMPLE";

        // When / Then
        assertThat(ENGINE.scan(text)).contains("AWS Access Key");
    }

    @Test
    void the_well_known_test_card_is_reported_since_it_is_a_valid_luhn_number() {
        // Given 4111 1111 1111 1111: a test number, but indistinguishable from a real card by structure
        String text = "card: 4111 1111 1111 1111, exp 12/30";

        // When / Then
        assertThat(ENGINE.findings(text)).singleElement().satisfies(f -> {
            assertThat(f.detectorId()).isEqualTo("payment-card");
            assertThat(text.substring(f.start(), f.end())).isEqualTo("4111 1111 1111 1111");
        });
    }

    @Test
    void scan_returns_the_category_of_the_most_severe_finding() {
        // Given an email (low) before an AWS key id (critical)
        String text = "mail alice@example.com key " + fakeAwsKeyId(new Random(4));

        // When / Then
        assertThat(ENGINE.scan(text)).contains("AWS Access Key");
        assertThat(ENGINE.scan("mail alice@example.com")).contains("Email Address");
        assertThat(ENGINE.scan("")).isEmpty();
    }

    @Test
    void json_documents_are_scanned_value_by_value_with_rfc6901_pointers() throws Exception {
        // Given
        String key = fakeAwsKeyId(new Random(5));
        JsonNode document = new ObjectMapper()
                .readTree("{\"arguments\": {\"a/b\": [\"fine\", \"id " + key + "\"], \"m~n\": \"bob@example.org\", \""
                        + key + "\": 1}}");

        // When
        List<Finding> findings = ENGINE.findings(document);

        // Then keys are not scanned, values are, and pointers are escaped
        assertThat(findings)
                .extracting(Finding::detectorId, Finding::jsonPath, Finding::start)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("aws-access-key-id", "/arguments/a~1b/1", 3),
                        org.assertj.core.groups.Tuple.tuple("email", "/arguments/m~0n", 0));
    }

    @Test
    void parallel_scans_give_the_same_results_as_sequential_ones() {
        // Given 1000 inputs, some with fake secrets
        Random random = new Random(6);
        List<String> inputs = IntStream.range(0, 1000)
                .mapToObj(i -> switch (i % 4) {
                    case 0 -> "key " + fakeAwsKeyId(random) + " n" + i;
                    case 1 -> "t=" + fakeGithubToken(random);
                    case 2 -> "mail user" + i + "@example.com";
                    default -> "nothing to see " + i;
                })
                .toList();

        // When
        List<List<Finding>> sequential = inputs.stream().map(ENGINE::findings).toList();
        List<List<Finding>> parallel =
                inputs.parallelStream().map(ENGINE::findings).toList();

        // Then
        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential.stream().filter(f -> !f.isEmpty()).count()).isEqualTo(750);
    }

    static String fakeAwsKeyId(Random random) {
        StringBuilder key = new StringBuilder("AKIA");
        for (int i = 0; i < 16; i++) {
            key.append(BASE32.charAt(random.nextInt(BASE32.length())));
        }
        return key.toString();
    }

    static String fakeGithubToken(Random random) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            body.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        CRC32 crc = new CRC32();
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
        return "ghp_" + body + Validators.base62(crc.getValue(), 6);
    }
}
