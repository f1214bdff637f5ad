package io.sigil.soc.cef;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.soc.SealedEvent;
import io.sigil.soc.event.Json;
import io.sigil.soc.support.CefParser;
import io.sigil.soc.support.CefParser.CefRecord;
import io.sigil.soc.support.TestEvents;
import java.time.Instant;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CEF lines: exact layout, escaping, and read-back through an independent parser. */
class CefFormatterTest {

    private final CefFormatter formatter = new CefFormatter();

    @Test
    void formatsAWellFormedEventExactly() {
        SealedEvent e = new SealedEvent(
                "gw-1",
                42,
                3,
                "aa01",
                "bb02",
                Instant.parse("2025-03-14T09:26:59Z"),
                TestEvents.apiActivity("0b9e6f3c-1d2e-4f5a-8b7c-9d0e1f2a3b4c", "denied")
                        .toString());

        assertThat(formatter.format(e))
                .isEqualTo("CEF:0|SIGIL|mesh|0.1.0|6003:tools/call|API Activity tools/call: denied|7|"
                        + "rt=1741944413123 suser=svc-payments act=tools/call outcome=denied deviceProcessName=gateway"
                        + " cs1=0b9e6f3c-1d2e-4f5a-8b7c-9d0e1f2a3b4c cs1Label=audit_id cs2=gw-1 cs2Label=chain"
                        + " cn1=42 cn1Label=seq cn2=3 cn2Label=epoch cs3=aa01 cs3Label=mac cs4=bb02 cs4Label=prev_mac"
                        + " cs5=Medium cs5Label=trust_level"
                        + " msg={\"tool\":\"transfer_funds\",\"upstream\":\"core-banking\",\"latency_ms\":42}");
    }

    @Test
    void headerEscapesBackslashAndPipeAndFlattensLineBreaks() {
        assertThat(CefEscaping.header("a|b\\c\nd\re=f")).isEqualTo("a\\|b\\\\c d e=f");
    }

    @Test
    void extensionEscapesBackslashEqualsAndLineBreaksButNotPipes() {
        assertThat(CefEscaping.extension("a|b\\c\nd\re=f")).isEqualTo("a|b\\\\c\\nd\\re\\=f");
    }

    @Test
    void controlCharactersCannotEndTheRecord() {
        assertThat(CefEscaping.extension("a\u0000b\u001bc\u007fd\te")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\te");
        assertThat(CefEscaping.header("a\u0000b")).isEqualTo("a\uFFFDb");
    }

    static Stream<String> nasty() {
        return TestEvents.NASTY.stream();
    }

    @ParameterizedTest
    @MethodSource("nasty")
    void adversarialValuesReadBackExactly(String nasty) {
        ObjectNode json = TestEvents.adversarial("id-" + nasty.hashCode(), TestEvents.NASTY.indexOf(nasty));
        String line = formatter.format(TestEvents.sealed("chain|" + nasty, 7, json.toString()));

        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        CefRecord cef = CefParser.parse(line);
        assertThat(cef.version()).isEqualTo("CEF:0");
        assertThat(cef.vendor()).isEqualTo("SIGIL");
        assertThat(cef.product()).isEqualTo("mesh");
        assertThat(cef.deviceVersion()).isEqualTo("0.1.0");
        String headerSafe = ("tools/call " + nasty).replace('\n', ' ').replace('\r', ' ');
        assertThat(cef.signatureId()).isEqualTo("6003:" + headerSafe);
        assertThat(cef.name()).isEqualTo("API Activity " + headerSafe + ": denied");
        assertThat(cef.severity()).isEqualTo(7);
        assertThat(cef.extensions().get("suser")).isEqualTo(nasty);
        assertThat(cef.extensions().get("act")).isEqualTo("tools/call " + nasty);
        assertThat(cef.extensions().get("deviceProcessName")).isEqualTo("src " + nasty);
        assertThat(cef.labelled("trust_level")).isEqualTo(nasty);
        assertThat(cef.labelled("chain")).isEqualTo("chain|" + nasty);
        assertThat(cef.labelled("seq")).isEqualTo("7");
        assertThat(cef.labelled("mac")).isEqualTo(TestEvents.mac(7));
        assertThat(cef.labelled("prev_mac")).isEqualTo(TestEvents.mac(6));
        JsonNode attributes = readJson(cef.extensions().get("msg"));
        assertThat(attributes).isEqualTo(json.path("unmapped").get("attributes"));
    }

    @Test
    void everyEventOfABatchParsesWithAllChainFields() {
        IntStream.range(0, 60).forEach(i -> {
            SealedEvent e = TestEvents.batch("c", i, 1).get(0);
            CefRecord cef = CefParser.parse(formatter.format(e));
            assertThat(cef.labelled("seq")).isEqualTo(Long.toString(e.seq()));
            assertThat(cef.labelled("epoch")).isEqualTo("3");
            assertThat(cef.labelled("mac")).isEqualTo(e.mac());
            assertThat(cef.labelled("prev_mac")).isEqualTo(e.prevMac());
            assertThat(cef.labelled("audit_id"))
                    .isEqualTo(readJson(e.eventJson())
                            .path("unmapped")
                            .get("audit_id")
                            .asText());
        });
    }

    @Test
    void anEventInThePlainFormOfEarlierReleasesFormatsAsItsOcsfForm() {
        String id = "0b9e6f3c-1d2e-4f5a-8b7c-9d0e1f2a3b4c";
        String ocsf = TestEvents.apiActivity(id, "denied").toString();
        String plain = TestEvents.plainApiActivity(id, "denied").toString();

        assertThat(ocsf).isNotEqualTo(plain);
        assertThat(formatter.format(TestEvents.sealed("c", 5, plain)))
                .isEqualTo(formatter.format(TestEvents.sealed("c", 5, ocsf)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{{{", "[\"array\"]", "{\"a\":1}} extra", "line1\nline2 | a=b \\"})
    void malformedEventsAreDeliveredRawWithTheirChainFields(String text) {
        String line = formatter.format(TestEvents.sealed("c", 9, text));

        CefRecord cef = CefParser.parse(line);
        assertThat(cef.signatureId()).isEqualTo("malformed");
        assertThat(cef.severity()).isEqualTo(5);
        assertThat(cef.extensions().get("msg")).isEqualTo(text);
        assertThat(cef.extensions().get("rt")).isEqualTo(Long.toString(TestEvents.SEALED_AT.toEpochMilli()));
        assertThat(cef.labelled("seq")).isEqualTo("9");
        assertThat(cef.labelled("mac")).isEqualTo(TestEvents.mac(9));
    }

    @Test
    void missingFieldsAreLeftOutNotInventedAndEpochSecondsAreRead() {
        String line = formatter.format(TestEvents.sealed("c", 0, "{\"time\":1700000000.5,\"class_uid\":3002}"));

        CefRecord cef = CefParser.parse(line);
        assertThat(cef.signatureId()).isEqualTo("3002");
        assertThat(cef.name()).isEqualTo("Authentication");
        assertThat(cef.severity()).isEqualTo(5);
        assertThat(cef.extensions())
                .containsEntry("rt", "1700000000500")
                .doesNotContainKeys("suser", "act", "outcome", "msg", "cs1", "cs5");
        assertThat(cef.labelled("prev_mac")).isEmpty();
    }

    @Test
    void unknownClassAndNoClassAreNamedGenerically() {
        assertThat(CefParser.parse(formatter.format(TestEvents.sealed("c", 1, "{\"class_uid\":4001}")))
                        .name())
                .isEqualTo("OCSF class 4001");
        CefRecord none = CefParser.parse(formatter.format(TestEvents.sealed("c", 1, "{\"activity\":\"x\"}")));
        assertThat(none.signatureId()).isEqualTo("unknown:x");
        assertThat(none.name()).isEqualTo("Audit event x");
    }

    @Test
    void detectionFindingIsVeryHigh() {
        CefRecord cef = CefParser.parse(
                formatter.format(TestEvents.sealed("c", 1, "{\"class_uid\":2004,\"activity\":\"prompt_injection\"}")));
        assertThat(cef.severity()).isEqualTo(9);
        assertThat(cef.name()).isEqualTo("Detection Finding prompt_injection");
    }

    private static JsonNode readJson(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
