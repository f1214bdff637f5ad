package io.sigil.scan.verification;

import io.sigil.core.scan.DetectorPacks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The corpora every pack is verified against: the shared negative corpus (every built-in detector's negative
 * examples, plus generated hashes, UUIDs and ordinary prose, code and log lines) and a standard 64 KiB corpus of
 * mixed text for the cost measure. Generated with a fixed seed, so every pack meets the same text.
 */
public final class Corpora {

    private static final String[] WORDS = {
        "the",
        "request",
        "returned",
        "status",
        "user",
        "order",
        "deploy",
        "config",
        "value",
        "weather",
        "city",
        "report",
        "invoice",
        "meeting",
        "schedule",
        "build",
        "test",
        "service",
        "database",
        "queue",
        "retry"
    };

    private Corpora() {}

    public static List<String> sharedNegatives() {
        List<String> negatives = new ArrayList<>();
        DetectorPacks.builtIn().forEach(detector -> negatives.addAll(detector.negatives()));
        Random random = new Random(4711);
        for (int i = 0; i < 200; i++) {
            negatives.add(
                    switch (i % 4) {
                        case 0 -> "commit " + hex(random, 40) + " merged";
                        case 1 -> "request_id=" + new UUID(random.nextLong(), random.nextLong());
                        case 2 -> sentence(random, 12);
                        default -> "INFO " + sentence(random, 6) + " in " + random.nextInt(900) + " ms";
                    });
        }
        return negatives;
    }

    public static String standard() {
        Random random = new Random(1234);
        StringBuilder corpus = new StringBuilder();
        while (corpus.length() < 64 * 1024) {
            switch (random.nextInt(4)) {
                case 0 -> corpus.append("{\"id\":")
                        .append(random.nextInt(100000))
                        .append(",\"text\":\"")
                        .append(sentence(random, 8))
                        .append("\"}\n");
                case 1 -> corpus.append("2026-11-23T10:00:00Z INFO ")
                        .append(sentence(random, 9))
                        .append('\n');
                case 2 -> corpus.append("    String ")
                        .append(WORDS[random.nextInt(WORDS.length)])
                        .append(" = compute(")
                        .append(random.nextInt(99))
                        .append(");\n");
                default -> corpus.append(sentence(random, 15)).append(". ");
            }
        }
        return corpus.toString();
    }

    private static String sentence(Random random, int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    private static String hex(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }
}
