package io.sigil.core.scan.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * A generated, deterministic mixed corpus for benchmarks: code, logs, JSON tool results and prose, with fake
 * secrets of well-known formats planted about every 2 KB and labelled with their span. ASCII only, so a char
 * offset is also a byte offset (secretlint reports JavaScript string offsets). Every value is made here from
 * a seeded random: none is a real credential.
 */
public final class MixedCorpus {

    /** A planted secret: its kind and its span in the document. */
    public record Planted(String kind, int start, int end) {}

    /** One generated document and what was planted in it. */
    public record Document(String name, String text, List<Planted> planted) {}

    /** Kinds of planted secrets, in the order they are planted. */
    public static final List<String> KINDS = List.of(
            "aws-access-key-id",
            "github-token",
            "slack-token",
            "stripe-secret-key",
            "sendgrid-api-key",
            "npm-token",
            "openai-project-key",
            "anthropic-api-key",
            "pem-private-key",
            "database-url",
            "google-api-key");

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALNUM = UPPER + "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE62 = "0123456789" + UPPER + "abcdefghijklmnopqrstuvwxyz";
    private static final String URL_SAFE = ALNUM + "_-";
    private static final String BASE64 = ALNUM + "+/";
    private static final String HEX = "0123456789abcdef";
    private static final String[] WORDS = {
        "the",
        "service",
        "returns",
        "a",
        "list",
        "of",
        "orders",
        "for",
        "each",
        "customer",
        "and",
        "then",
        "we",
        "retry",
        "after",
        "timeout",
        "deploy",
        "pipeline",
        "config",
        "value",
        "user",
        "request",
        "response",
        "cache",
        "query",
        "weather",
        "report",
        "meeting",
        "notes",
        "team",
        "budget",
        "review",
        "next",
        "week"
    };

    private final Random random;
    private final StringBuilder text = new StringBuilder();
    private final List<Planted> planted = new ArrayList<>();
    private int nextKind;

    private MixedCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} documents of about {@code size} chars each; the same seed gives the same corpus. */
    public static List<Document> generate(long seed, int count, int size) {
        MixedCorpus generator = new MixedCorpus(seed);
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(generator.document(String.format("doc-%03d.txt", i), size));
        }
        return out;
    }

    private Document document(String name, int size) {
        text.setLength(0);
        planted.clear();
        int nextSecret = 1024 + random.nextInt(2048);
        while (text.length() < size) {
            if (text.length() >= nextSecret) {
                plant();
                nextSecret = text.length() + 1024 + random.nextInt(2048);
            }
            switch (random.nextInt(4)) {
                case 0 -> code();
                case 1 -> log();
                case 2 -> json();
                default -> prose();
            }
        }
        return new Document(name, text.toString(), List.copyOf(planted));
    }

    private void code() {
        text.append("    public Order find(String id) {\n")
                .append("        var key = \"")
                .append(random(HEX, 40))
                .append("\"; // git sha\n")
                .append("        return repository.findById(UUID.fromString(\"")
                .append(uuid())
                .append("\"));\n    }\n")
                .append("def load_config(path):\n    with open(path) as f:\n        return yaml.safe_load(f)\n");
    }

    private void log() {
        text.append(String.format(
                "2026-11-23T10:%02d:%02d.%03dZ INFO  [%s] GET /api/orders/%d 200 %d ms trace=%s from 10.%d.%d.%d%n",
                random.nextInt(60),
                random.nextInt(60),
                random.nextInt(1000),
                words(1),
                random.nextInt(100_000),
                random.nextInt(500),
                random(HEX, 32),
                random.nextInt(256),
                random.nextInt(256),
                random.nextInt(256)));
    }

    private void json() {
        text.append(String.format(
                "{\"jsonrpc\":\"2.0\",\"id\":%d,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"%s\"}],"
                        + "\"sha256\":\"%s\",\"requestId\":\"%s\"}}%n",
                random.nextInt(10_000), words(12), random(HEX, 64), uuid()));
    }

    private void prose() {
        text.append(Character.toUpperCase(WORDS[random.nextInt(WORDS.length)].charAt(0)))
                .append(words(20))
                .append(". Please review the password policy and rotate the token before Friday.\n");
    }

    private void plant() {
        String kind = KINDS.get(nextKind++ % KINDS.size());
        String secret = secret(kind);
        String before =
                switch (random.nextInt(3)) {
                    case 0 -> "export SECRET_VALUE=\"";
                    case 1 -> "{\"tool\":\"get_deploy_config\",\"value\":\"";
                    default -> "2026-11-23T10:00:00Z WARN leaked credential in payload: \"";
                };
        text.append(before);
        if (kind.equals("pem-private-key")) {
            text.setLength(text.length() - before.length()); // a key block stands on its own lines
            text.append("\n");
        }
        int start = text.length();
        text.append(secret);
        planted.add(new Planted(kind, start, text.length()));
        text.append(kind.equals("pem-private-key") ? "\n" : "\"\n");
    }

    private String secret(String kind) {
        return switch (kind) {
            case "aws-access-key-id" -> "AKIA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
            case "github-token" -> githubToken();
            case "slack-token" -> "xoxb-" + random("0123456789", 12) + "-" + random("0123456789", 13) + "-"
                    + random(ALNUM, 24);
            case "stripe-secret-key" -> "sk_live_" + random(ALNUM, 24);
            case "sendgrid-api-key" -> "SG." + random(URL_SAFE, 22) + "." + random(URL_SAFE, 43);
            case "npm-token" -> "npm_" + random(ALNUM, 36);
            case "openai-project-key" -> "sk-proj-" + random(ALNUM, 20) + "T3BlbkFJ" + random(ALNUM, 20);
            case "anthropic-api-key" -> "sk-ant-api03-" + random(URL_SAFE, 93) + "AA";
            case "pem-private-key" -> pem();
            case "database-url" -> "postgres://app_user:" + random(ALNUM, 16) + "@db.internal.example:5432/orders";
            case "google-api-key" -> "AIza" + random(URL_SAFE, 35);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** GitHub's format: 30 base62 chars and their CRC32 in 6 base62 chars. */
    private String githubToken() {
        String body = random(BASE62, 30);
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        StringBuilder check = new StringBuilder();
        for (long v = crc.getValue(); v > 0; v /= 62) {
            check.append(BASE62.charAt((int) (v % 62)));
        }
        while (check.length() < 6) {
            check.append('0');
        }
        return "ghp_" + body + check.reverse();
    }

    private String pem() {
        // A DER key starts with an ASN.1 SEQUENCE, "MII" in base64; scanners (secretlint) check for it.
        StringBuilder key = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA");
        key.append(random(BASE64, 48)).append('\n');
        for (int line = 1; line < 8; line++) {
            key.append(random(BASE64, 64)).append('\n');
        }
        return key.append(random(BASE64, 20))
                .append("==\n-----END RSA PRIVATE KEY-----")
                .toString();
    }

    private String uuid() {
        return random(HEX, 8) + "-" + random(HEX, 4) + "-4" + random(HEX, 3) + "-a" + random(HEX, 3) + "-"
                + random(HEX, 12);
    }

    private String words(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    private String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
