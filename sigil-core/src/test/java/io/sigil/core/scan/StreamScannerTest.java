package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamScannerTest {

    private static final ScanEngine ENGINE = ScanEngine.builtIn();

    /**
     * Fake values of several formats (generated for tests, never real): the text before, the value, the
     * category it must get, the text after (a database URL's finding is its password).
     */
    private static final List<String[]> SECRETS = List.of(
            new String[] {"aws_access_key_id = ", "AKIAQ7XJ2MPL5RSTVWZ3", "AWS Access Key", ""},
            new String[] {"token: ", "sk_live_4eC39HqLyjWDarjtT1zdp7dcQ9", "Stripe Secret Key", ""},
            new String[] {"iban ", "DE89370400440532013000", "IBAN", ""},
            new String[] {
                "url postgres://app:", "Xq7rT2mLp9Vz", "Database URL With Password", "@db.internal:5432/orders"
            });

    private static final String BEFORE =
            "2026-11-23T10:00:00Z INFO the deploy pipeline returned the config value:\n".repeat(3);
    private static final String AFTER = "\n2026-11-23T10:00:01Z INFO the service retries after a timeout.\n".repeat(3);

    @Test
    void a_secret_split_at_every_offset_across_two_chunks_is_masked_and_never_sent() {
        for (String[] s : SECRETS) {
            String text = BEFORE + s[0] + s[1] + s[3] + AFTER;
            int secretStart = BEFORE.length() + s[0].length();
            int secretEnd = secretStart + s[1].length();
            String expected = BEFORE + s[0] + "[SIGIL-REDACTED: " + s[2] + "]" + s[3] + AFTER;
            for (int cut = 0; cut <= text.length(); cut++) {
                // Given a scanner that holds back less than the whole text, so that text leaves mid-stream
                StreamScanner stream = new StreamScanner(ENGINE, 96, 0);

                // When the text arrives in two chunks cut at this offset
                List<StreamScanner.Output> outputs = new ArrayList<>();
                outputs.add(stream.push(text.substring(0, cut)));
                outputs.add(stream.push(text.substring(cut)));
                outputs.add(stream.finish());

                // Then what left is the text with the secret masked, and the finding spans the secret in the stream
                String sent = sent(outputs);
                assertThat(sent).as("%s cut at %d", s[1], cut).isEqualTo(expected);
                assertThat(findings(outputs))
                        .as("%s cut at %d", s[1], cut)
                        .anyMatch(f -> f.category().equals(s[2]) && f.start() == secretStart && f.end() == secretEnd);
            }
        }
    }

    @Test
    void text_leaves_before_the_end_of_the_stream_and_never_holds_a_secret_in_any_output() {
        // Given a long stream with secrets, in small random chunks
        Random random = new Random(5);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String[] s = SECRETS.get(i % SECRETS.size());
            text.append(BEFORE).append(s[0]).append(s[1]).append(s[3]).append(AFTER);
        }
        StreamScanner stream = new StreamScanner(ENGINE, 128, 32);
        List<StreamScanner.Output> outputs = new ArrayList<>();
        int at = 0;
        int sentBeforeEnd = 0;

        // When
        while (at < text.length()) {
            int next = Math.min(text.length(), at + 1 + random.nextInt(50));
            StreamScanner.Output output = stream.push(text.substring(at, next));
            sentBeforeEnd += output.text().length();
            outputs.add(output);
            at = next;
        }
        outputs.add(stream.finish());

        // Then most of the text left while the stream was still open, no output held a secret, all were masked
        assertThat(sentBeforeEnd).isGreaterThan(text.length() / 2);
        for (StreamScanner.Output output : outputs) {
            for (String[] s : SECRETS) {
                assertThat(output.text()).doesNotContain(s[1]);
            }
        }
        assertThat(findings(outputs)).hasSize(40);
        assertThat(sent(outputs)).isEqualTo(ENGINE.findings(text.toString()).isEmpty() ? "" : masked(text.toString()));
    }

    @Test
    void a_stream_without_secrets_passes_through_unchanged() {
        String text = (BEFORE + AFTER).repeat(20);
        StreamScanner stream = ENGINE.stream();
        List<StreamScanner.Output> outputs = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 100) {
            outputs.add(stream.push(text.substring(i, Math.min(text.length(), i + 100))));
        }
        outputs.add(stream.finish());

        assertThat(sent(outputs)).isEqualTo(text);
        assertThat(findings(outputs)).isEmpty();
    }

    @Test
    void the_default_stream_holds_back_a_whole_private_key_split_anywhere() {
        // Given a generated PEM block (random body, never a real key) longer than a thousand chars
        Random random = new Random(9);
        StringBuilder key = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 1200; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            if (i % 64 == 47) {
                key.append('\n');
            }
        }
        key.append("\n-----END RSA PRIVATE KEY-----");
        String text = BEFORE.repeat(40) + key + AFTER;
        for (int cut = BEFORE.length() * 40; cut < text.length() - AFTER.length(); cut += 97) {
            StreamScanner stream = ENGINE.stream();

            String sent = sent(
                    List.of(stream.push(text.substring(0, cut)), stream.push(text.substring(cut)), stream.finish()));

            assertThat(sent)
                    .as("cut at %d", cut)
                    .doesNotContain("MIIEpAIBAAKCAQEA")
                    .contains("[SIGIL-REDACTED: Private Key]");
        }
    }

    @Test
    void a_finished_stream_takes_no_more_text() {
        StreamScanner stream = ENGINE.stream();
        stream.finish();
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> stream.push("more"));
    }

    private static String masked(String text) {
        StringBuilder out = new StringBuilder();
        int written = 0;
        for (Finding f : ENGINE.findings(text)) {
            out.append(text, written, f.start())
                    .append("[SIGIL-REDACTED: ")
                    .append(f.category())
                    .append(']');
            written = f.end();
        }
        return out.append(text.substring(written)).toString();
    }

    private static String sent(List<StreamScanner.Output> outputs) {
        StringBuilder out = new StringBuilder();
        outputs.forEach(o -> out.append(o.text()));
        return out.toString();
    }

    private static List<Finding> findings(List<StreamScanner.Output> outputs) {
        List<Finding> out = new ArrayList<>();
        outputs.forEach(o -> out.addAll(o.findings()));
        return out;
    }
}
