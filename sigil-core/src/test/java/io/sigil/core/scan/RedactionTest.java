package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final Function<Finding, String> MARK = finding -> "<" + finding.category() + ">";

    @Test
    void replacesEachSpanAndOverlappingSpansOnce() {
        String text = "key AKIA1234 and card 4111 end";
        List<Finding> findings = List.of(
                new Finding("aws", "AWS", Severity.CRITICAL, 4, 12, null),
                new Finding("aws-wide", "Cloud", Severity.HIGH, 4, 10, null),
                new Finding("card", "Card", Severity.HIGH, 22, 26, null));

        assertThat(Redaction.mask(text, findings, MARK)).isEqualTo("key <AWS> and card <Card> end");
    }

    @Test
    void masksOnlyTheStringValuesOfADocumentThatHoldFindingsAndLeavesTheOriginalAlone() throws Exception {
        JsonNode document =
                new ObjectMapper().readTree("{\"a/b\":{\"x\":\"secret here\"},\"list\":[\"ok\",\"pin 1234\"]}");
        List<Finding> findings = List.of(
                new Finding("s", "Secret", Severity.HIGH, 0, 6, "/a~1b/x"),
                new Finding("p", "PIN", Severity.LOW, 4, 8, "/list/1"));

        JsonNode masked = Redaction.mask(document, findings, MARK);

        assertThat(masked.toString()).isEqualTo("{\"a/b\":{\"x\":\"<Secret> here\"},\"list\":[\"ok\",\"pin <PIN>\"]}");
        assertThat(document.path("a/b").path("x").asText()).isEqualTo("secret here");
    }

    @Test
    void tellsEachMarkerTheWholeTextItReplaces() {
        // Given: a chain of overlaps [4,12) [10,16) [14,20), then a finding of its own
        String text = "key abcdefghijklmnop x 4111 end";
        List<Finding> findings = List.of(
                new Finding("c", "C", Severity.LOW, 14, 20, null),
                new Finding("a", "A", Severity.HIGH, 4, 12, null),
                new Finding("b", "B", Severity.HIGH, 10, 16, null),
                new Finding("card", "Card", Severity.HIGH, 23, 27, null));
        List<String> told = new java.util.ArrayList<>();

        // When
        String masked = Redaction.mask(text, findings, (group, replaced) -> {
            told.add(group.stream().map(Finding::detectorId).toList() + "=" + replaced);
            return "<" + group.get(0).category() + ">";
        });

        // Then
        assertThat(masked).isEqualTo("key <A> x <Card> end");
        assertThat(told).containsExactly("[a, b, c]=abcdefghijklmnop", "[card]=4111");
    }

    @Test
    void writesNoMarkerForAnEmptyFindingInsideWhatWasReplaced() {
        String text = "AKIA1234 tail";
        List<Finding> findings = List.of(
                new Finding("aws", "AWS", Severity.CRITICAL, 0, 8, null),
                new Finding("empty", "E", Severity.LOW, 8, 8, null));

        assertThat(Redaction.mask(text, findings, MARK)).isEqualTo("<AWS> tail");
    }
}
