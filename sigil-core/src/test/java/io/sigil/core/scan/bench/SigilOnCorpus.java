package io.sigil.core.scan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.scan.Finding;
import io.sigil.core.scan.ScanEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SIGIL half of the side-by-side run: scans the files {@link CorpusFiles} wrote, one thread, after
 * warm-up, and prints MB/s and the recall on the planted secrets per kind, in the same shape as
 * {@code bench/scanner/secretlint-on-corpus.mjs}. Usage: {@code SigilOnCorpus <dir> [rounds]}.
 */
public final class SigilOnCorpus {

    private SigilOnCorpus() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        JsonNode planted =
                new ObjectMapper().readTree(dir.resolve("planted.json").toFile());
        Map<String, String> files = new TreeMap<>();
        for (JsonNode p : planted) {
            String file = p.get("file").asText();
            files.computeIfAbsent(file, f -> read(dir.resolve(f)));
        }
        try (var listing = Files.list(dir)) {
            listing.filter(p -> p.toString().endsWith(".txt"))
                    .forEach(p -> files.computeIfAbsent(p.getFileName().toString(), f -> read(p)));
        }
        ScanEngine engine = ScanEngine.builtIn();
        long bytes = files.values().stream().mapToLong(String::length).sum();
        for (int i = 0; i < rounds; i++) {
            files.values().forEach(engine::findings); // warm-up
        }
        long started = System.nanoTime();
        Map<String, List<Finding>> findings = new HashMap<>();
        for (int i = 0; i < rounds; i++) {
            files.forEach((name, text) -> findings.put(name, engine.findings(text)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, int[]> byKind = new TreeMap<>();
        for (JsonNode p : planted) {
            int start = p.get("start").asInt();
            int end = p.get("end").asInt();
            boolean found =
                    findings.get(p.get("file").asText()).stream().anyMatch(f -> f.start() < end && start < f.end());
            int[] counts = byKind.computeIfAbsent(p.get("kind").asText(), k -> new int[2]);
            counts[0] += found ? 1 : 0;
            counts[1]++;
        }
        Report.print("sigil", files.size(), bytes, rounds, seconds, byKind);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
