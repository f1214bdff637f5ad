package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the built-in packs on the generated, labelled corpus
 * ({@code scan-corpus/corpus.jsonl}, made by {@code generate_corpus.py}). A finding is right when it
 * overlaps a labelled value of its category; a label is found when a finding of its detector (per
 * detector) or of its category (per category) overlaps it. Writes the table to
 * {@code target/scanner-accuracy.md}.
 */
class CorpusAccuracyTest {

    /** Thresholds on this corpus: set from the measured figures, with little room, so a regression fails. */
    static final double MIN_CATEGORY_RECALL = 0.95;

    static final double MIN_CATEGORY_PRECISION = 0.95;
    static final double MIN_DETECTOR_RECALL = 0.90;
    static final double MIN_OVERALL = 0.97;

    private static final ScanEngine ENGINE = ScanEngine.builtIn();

    /** Counts of one row of the table. */
    static final class Score {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }
    }

    record Label(String detector, String category, int start, int end) {}

    record Sample(String id, String text, List<Label> labels) {}

    private static final Map<String, Score> BY_DETECTOR = new TreeMap<>();
    private static final Map<String, Score> BY_CATEGORY = new TreeMap<>();
    private static final Score OVERALL = new Score();
    private static final List<String> MISTAKES = new ArrayList<>();
    private static int samples;

    @BeforeAll
    static void score_the_corpus() throws IOException {
        List<Sample> corpus = corpus();
        samples = corpus.size();
        for (Sample sample : corpus) {
            List<Finding> findings = ENGINE.findings(sample.text());
            for (Label label : sample.labels()) {
                boolean byDetector =
                        findings.stream().anyMatch(f -> f.detectorId().equals(label.detector()) && overlaps(f, label));
                boolean byCategory =
                        findings.stream().anyMatch(f -> f.category().equals(label.category()) && overlaps(f, label));
                count(BY_DETECTOR, label.detector(), byDetector ? 1 : 0, 0, byDetector ? 0 : 1);
                count(BY_CATEGORY, label.category(), byCategory ? 1 : 0, 0, byCategory ? 0 : 1);
                OVERALL.tp += byCategory ? 1 : 0;
                OVERALL.fn += byCategory ? 0 : 1;
                if (!byCategory) {
                    MISTAKES.add("FN " + label.detector() + " " + sample.id() + ": " + sample.text());
                }
            }
            for (Finding f : findings) {
                boolean right =
                        sample.labels().stream().anyMatch(l -> l.category().equals(f.category()) && overlaps(f, l));
                if (!right) {
                    count(BY_DETECTOR, f.detectorId(), 0, 1, 0);
                    count(BY_CATEGORY, f.category(), 0, 1, 0);
                    OVERALL.fp++;
                    MISTAKES.add("FP " + f.detectorId() + " " + sample.id() + ": "
                            + sample.text().substring(f.start(), f.end()) + " in " + sample.text());
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "scanner-accuracy.md"), table());
        MISTAKES.forEach(m -> System.out.println(m.replace("\n", "\\n")));
        System.out.println(table());
    }

    @Test
    void every_category_is_found_and_reported_precisely_on_the_corpus() {
        assertThat(BY_CATEGORY).allSatisfy((category, score) -> {
            assertThat(score.recall()).as("recall of %s", category).isGreaterThanOrEqualTo(MIN_CATEGORY_RECALL);
            assertThat(score.precision())
                    .as("precision of %s", category)
                    .isGreaterThanOrEqualTo(MIN_CATEGORY_PRECISION);
        });
    }

    @Test
    void every_detector_with_corpus_samples_finds_its_own_values() {
        assertThat(BY_DETECTOR).allSatisfy((detector, score) -> assertThat(score.recall())
                .as("recall of %s", detector)
                .isGreaterThanOrEqualTo(MIN_DETECTOR_RECALL));
    }

    @Test
    void overall_precision_and_recall_hold() {
        assertThat(samples).isGreaterThan(1000);
        assertThat(OVERALL.recall()).isGreaterThanOrEqualTo(MIN_OVERALL);
        assertThat(OVERALL.precision()).isGreaterThanOrEqualTo(MIN_OVERALL);
    }

    private static boolean overlaps(Finding f, Label l) {
        return f.start() < l.end() && l.start() < f.end();
    }

    private static void count(Map<String, Score> scores, String key, int tp, int fp, int fn) {
        Score score = scores.computeIfAbsent(key, k -> new Score());
        score.tp += tp;
        score.fp += fp;
        score.fn += fn;
    }

    private static String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "Corpus: %d samples. Overall: precision %.3f, recall %.3f (TP %d, FP %d, FN %d).%n%n",
                samples, OVERALL.precision(), OVERALL.recall(), OVERALL.tp, OVERALL.fp, OVERALL.fn));
        out.append(rows("Category", BY_CATEGORY, Function.identity()));
        out.append('\n');
        out.append(rows("Detector", BY_DETECTOR, Function.identity()));
        return out.toString();
    }

    private static String rows(String title, Map<String, Score> scores, Function<String, String> name) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(title).append(" | TP | FP | FN | precision | recall |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        scores.forEach((key, s) -> out.append(String.format(
                "| %s | %d | %d | %d | %.3f | %.3f |%n",
                name.apply(key), s.tp, s.fp, s.fn, s.precision(), s.recall())));
        return out.toString();
    }

    private static List<Sample> corpus() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Sample> out = new ArrayList<>();
        try (InputStream in = CorpusAccuracyTest.class.getResourceAsStream("/scan-corpus/corpus.jsonl");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                List<Label> labels = new ArrayList<>();
                for (JsonNode l : node.get("labels")) {
                    labels.add(new Label(
                            l.get("detector").asText(),
                            l.get("category").asText(),
                            l.get("start").asInt(),
                            l.get("end").asInt()));
                }
                out.add(new Sample(node.get("id").asText(), node.get("text").asText(), labels));
            }
        }
        return out;
    }
}
