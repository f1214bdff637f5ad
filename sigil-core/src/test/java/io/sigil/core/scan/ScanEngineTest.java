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
    void a_url_safe_base64_token_glued_to_an_underscore_or_hyphen_prefix_is_still_decoded() {
        // Given a fake GitHub token, URL-safe base64 encoded, glued to "session_" and "x-" (both base64url chars)
        String wrapped = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("tok=" + fakeGithubToken(new Random(9)) + "??").getBytes(StandardCharsets.UTF_8));
        for (String prefix : List.of("session_", "x-", "a_b-")) {
            String text = "cookie " + prefix + wrapped + " end";

            // When / Then the token is found and the span covers the base64 part
            assertThat(ENGINE.findings(text)).singleElement().satisfies(f -> {
                assertThat(f.detectorId()).isEqualTo("github-token");
                assertThat(text.substring(f.start(), f.end())).isEqualTo(wrapped);
            });
        }
    }

    @Test
    void json_nesting_deeper_than_the_bound_is_refused_and_nesting_within_it_is_scanned() throws Exception {
        // Given a fake key at depth MAX_JSON_DEPTH and one level deeper
        String key = fakeAwsKeyId(new Random(10));
        ObjectMapper json = new ObjectMapper();
        JsonNode within = json.readTree(
                "[".repeat(ScanEngine.MAX_JSON_DEPTH) + "\"" + key + "\"" + "]".repeat(ScanEngine.MAX_JSON_DEPTH));
        JsonNode deeper = json.readTree("[".repeat(ScanEngine.MAX_JSON_DEPTH + 1) + "\"" + key + "\""
                + "]".repeat(ScanEngine.MAX_JSON_DEPTH + 1));

        // When / Then
        assertThat(ENGINE.findings(within)).singleElement().satisfies(f -> assertThat(f.jsonPath())
                .isEqualTo("/0".repeat(ScanEngine.MAX_JSON_DEPTH)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ENGINE.findings(deeper))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deeper than " + ScanEngine.MAX_JSON_DEPTH);
    }

    @Test
    void a_generic_finding_gives_way_to_a_specific_one_on_the_same_value() {
        // Given a GitHub token assigned to a key that the generic API-key detector also matches
        String token = fakeGithubToken(new Random(11));
        String text = "api_token = \"" + token + "\"";

        // When / Then only the specific detector reports it
        assertThat(ENGINE.findings(text)).extracting(Finding::detectorId).containsExactly("github-token");
    }

    @Test
    void a_well_known_test_card_in_a_documentation_sentence_is_not_reported() {
        // Given / When / Then
        assertThat(ENGINE.findings("Use the test card 4242 4242 4242 4242 with any CVC."))
                .isEmpty();
        assertThat(ENGINE.findings("charged card 4242 4242 4242 4242 yesterday"))
                .extracting(Finding::detectorId)
                .containsExactly("payment-card");
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
    void a_left_edge_that_cannot_reach_its_token_start_does_not_let_a_card_start_inside_a_digit_run() {
        // Given one long token (no char outside letters, digits and _-+/= for more than EDGE_SLACK chars) holding an
        // 18-digit id whose last 15 digits alone pass Luhn, and further on a short digit run: that run's card window
        // (24 chars) moves its left edge back at most 128 chars, which ends 3 digits into the id
        String id = "281506524711755296";
        String filler = "abcdefghij".repeat(14).substring(0, 136);
        String text = "see https://x.io/hooks/" + id + "/" + filler + "2024 end";
        assertThat(text.indexOf("2024") - 24 - ScanEngine.EDGE_SLACK).isEqualTo(text.indexOf(id) + 3);

        // When it is scanned by the engine and by the reference sweep, then neither finds a card inside the id
        for (ScanEngine engine : List.of(ENGINE, new ScanEngine(DetectorPacks.builtIn(), false))) {
            assertThat(engine.findings(text)).noneMatch(f -> f.category().equals("Payment Card"));
        }
    }

    @Test
    void the_digits_of_a_spaced_iban_are_not_also_a_card_but_a_card_beside_it_is() {
        // Given a spaced IBAN whose last 18 digits start a Luhn-valid card-like run, and a real card after it
        String iban = "DE44 5001 0517 5407 3249 31";
        String text = "Pay to " + iban + " or charge 4532 0151 1283 0366.";

        // When / Then the IBAN is one finding, and the card beside it another
        assertThat(ENGINE.findings(text))
                .extracting(Finding::category, Finding::start)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("IBAN", text.indexOf(iban)),
                        org.assertj.core.groups.Tuple.tuple("Payment Card", text.indexOf("4532")));
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
    void keys_that_say_they_are_examples_are_not_reported_but_other_valid_looking_ones_are() {
        // Given AWS's documented example key id, which marks itself as one, and a random key id
        String documented = "AKIAIOSFODNN7EXAMPLE";
        String random = fakeAwsKeyId(new Random(8));

        // When / Then
        assertThat(ENGINE.scan(documented)).isEmpty();
        assertThat(ENGINE.scan(random)).contains("AWS Access Key");
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
        return "ghp_" + body + TokenChecks.base62(crc.getValue(), 6);
    }
}
