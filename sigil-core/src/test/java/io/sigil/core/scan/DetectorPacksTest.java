package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DetectorPacksTest {

    private static final ScanEngine ENGINE = ScanEngine.builtIn();

    @TestFactory
    Stream<DynamicTest> every_pack_example_behaves_as_the_pack_says() {
        return ENGINE.detectors().stream()
                .flatMap(detector -> Stream.concat(
                        detector.positives().stream()
                                .map(text -> DynamicTest.dynamicTest(detector.id() + " finds: " + text, () -> {
                                    // Given a positive example / When scanned / Then it is found by this detector
                                    assertThat(ENGINE.findings(text))
                                            .extracting(Finding::detectorId)
                                            .contains(detector.id());
                                })),
                        detector.negatives().stream()
                                .map(text -> DynamicTest.dynamicTest(detector.id() + " ignores: " + text, () -> {
                                    assertThat(ENGINE.findings(text))
                                            .extracting(Finding::detectorId)
                                            .doesNotContain(detector.id());
                                }))));
    }

    @Test
    void the_built_in_packs_hold_at_least_80_detectors_in_the_sigil_scanner_namespace_each_with_examples() {
        assertThat(ENGINE.detectors()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(DetectorPacks.builtInPacks())
                .allSatisfy(pack -> assertThat(pack.name()).startsWith("sigil-scanner-"));
        assertThat(ENGINE.detectors().stream().filter(Detector::alwaysRun)).allSatisfy(d -> assertThat(
                        DetectorPacks.hasUnboundedRepetition(d.pattern().pattern()))
                .as("unbounded repetition in ungated %s", d.id())
                .isFalse());
        assertThat(ENGINE.detectors()).allSatisfy(d -> {
            assertThat(d.positives()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(d.negatives()).hasSizeGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void an_ungated_pattern_with_unbounded_repetition_is_rejected() {
        String unbounded = "{\"id\": \"u\", \"category\": \"C\", \"severity\": \"low\", \"pattern\": \"[0-9]+x\","
                + " \"alwaysRun\": true, \"examples\": {\"positive\": [\"1x\", \"2x\"], \"negative\": [\"y\", \"z\"]}}";
        assertThatThrownBy(() -> DetectorPacks.parse("{\"detectors\": [" + unbounded + "]}"))
                .hasMessageContaining("bounded repetition");
        assertThat(DetectorPacks.hasUnboundedRepetition("[+*]{2,8}\\+a{1,3}")).isFalse();
        assertThat(DetectorPacks.hasUnboundedRepetition("a{2,}")).isTrue();
    }

    @Test
    void a_duplicate_id_is_rejected_with_its_name() {
        String one = detector("dup", "\"pattern\": \"x\", \"keywords\": [\"x\"]");
        assertThatThrownBy(() -> DetectorPacks.parse("{\"detectors\": [" + one + "," + one + "]}"))
                .hasMessageContaining("duplicate detector id 'dup'");
    }

    @Test
    void a_pattern_re2j_cannot_compile_is_rejected_with_the_detector_id() {
        // Given a backreference, which a linear-time engine does not support
        String bad = detector("backref", "\"pattern\": \"(a)\\\\1\", \"keywords\": [\"a\"]");
        assertThatThrownBy(() -> DetectorPacks.parse("{\"detectors\": [" + bad + "]}"))
                .hasMessageContaining("detector 'backref'")
                .hasMessageContaining("RE2J");
    }

    @Test
    void missing_fields_unknown_validators_and_ungated_patterns_are_rejected() {
        assertThatThrownBy(() -> DetectorPacks.parse("{\"detectors\": [{\"id\": \"a\"}]}"))
                .hasMessageContaining("detector 'a': missing or blank field 'category'");
        assertThatThrownBy(() -> DetectorPacks.parse("{\"detectors\": ["
                        + detector("v", "\"pattern\": \"x\", \"keywords\": [\"x\"], \"validator\": \"nope\"") + "]}"))
                .hasMessageContaining("unknown validator 'nope'");
        assertThatThrownBy(() -> DetectorPacks.parse("{\"detectors\": [" + detector("g", "\"pattern\": \"x\"") + "]}"))
                .hasMessageContaining("no keywords and is not alwaysRun");
        assertThatThrownBy(() -> DetectorPacks.parse("{\"detectors\": []}")).hasMessageContaining("non-empty");
    }

    @Test
    void a_detector_without_enough_examples_is_rejected() {
        String thin =
                "{\"id\": \"thin\", \"category\": \"C\", \"severity\": \"low\", \"pattern\": \"x\", \"keywords\": [\"x\"],"
                        + " \"examples\": {\"positive\": [\"x\"], \"negative\": [\"y\", \"z\"]}}";
        assertThatThrownBy(() -> DetectorPacks.parse("{\"detectors\": [" + thin + "]}"))
                .hasMessageContaining("at least 2 positive");
    }

    @Test
    void a_valid_pack_parses_into_detectors() {
        List<Detector> detectors = DetectorPacks.parse(
                "{\"detectors\": [" + detector("ok", "\"pattern\": \"x+\", \"keywords\": [\"x\"]") + "]}");
        assertThat(detectors).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("ok");
            assertThat(d.severity()).isEqualTo(Severity.HIGH);
            assertThat(d.window()).isEqualTo(Detector.DEFAULT_WINDOW);
        });
    }

    private static String detector(String id, String rest) {
        return "{\"id\": \"" + id + "\", \"category\": \"Cat\", \"severity\": \"high\", " + rest
                + ", \"examples\": {\"positive\": [\"x\", \"xx\"], \"negative\": [\"y\", \"z\"]}}";
    }
}
