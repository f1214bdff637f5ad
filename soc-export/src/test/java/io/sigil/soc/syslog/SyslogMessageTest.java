package io.sigil.soc.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.soc.SealedEvent;
import io.sigil.soc.cef.CefFormatter;
import io.sigil.soc.support.CefParser;
import io.sigil.soc.support.Rfc5424Parser;
import io.sigil.soc.support.Rfc5424Parser.Parsed;
import io.sigil.soc.support.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5424 layout, structured-data escaping and octet-counting framing. */
class SyslogMessageTest {

    private final CefFormatter cef = new CefFormatter();
    private final SyslogComposer composer = new SyslogComposer("gw-host-1", cef);

    @Test
    void rendersTheRfc5424LayoutExactly() {
        SealedEvent e = TestEvents.sealed(
                "gw-1", 42, TestEvents.apiActivity("id-1", "denied").toString());

        String text = composer.compose(e).render();

        // facility 13 (log audit) * 8 + severity 4 (warning, for a denial) = 108
        assertThat(text)
                .isEqualTo("<108>1 2025-03-14T09:26:53.123Z gw-host-1 sigil-audit - API_ACTIVITY [sigil@32473"
                        + " chain=\"gw-1\" seq=\"42\" epoch=\"3\" mac=\"" + TestEvents.mac(42) + "\" prev_mac=\""
                        + TestEvents.mac(41) + "\"] \uFEFF" + cef.format(e));
    }

    @ParameterizedTest
    @CsvSource({"13, success, 110", "4, denied, 36", "10, failure, 85", "0, success, 6", "23, denied, 188"})
    void priorityIsFacilityTimesEightPlusSeverity(int facility, String outcome, int pri) {
        SyslogComposer c = new SyslogComposer(facility, "h", cef);
        SealedEvent e =
                TestEvents.sealed("c", 1, TestEvents.apiActivity("id", outcome).toString());

        Parsed parsed = Rfc5424Parser.parse(c.compose(e).render());

        assertThat(parsed.pri()).isEqualTo(pri);
        assertThat(parsed.facility()).isEqualTo(facility);
    }

    @Test
    void facilityOutsideTheRfcRangeIsRefused() {
        assertThatThrownBy(() -> new SyslogComposer(24, "h", cef)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyslogComposer(-1, "h", cef)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void structuredDataEscapesQuoteBackslashAndBracket() {
        SdElement sd = new SdElement("x@32473", Map.of("v", "a\"b\\c]d[e"));
        assertThat(sd.render()).isEqualTo("[x@32473 v=\"a\\\"b\\\\c\\]d[e\"]");
    }

    @Test
    void adversarialChainNamesSurviveTheStructuredData() {
        for (String nasty : TestEvents.NASTY) {
            SealedEvent e = TestEvents.sealed(
                    "chain " + nasty, 5, TestEvents.adversarial("id", 3).toString());

            Parsed parsed = Rfc5424Parser.parse(composer.compose(e).render());

            Map<String, String> sd = parsed.structuredData().get("sigil@32473");
            String expected = ("chain " + nasty)
                    .replace('\n', '\uFFFD')
                    .replace('\r', '\uFFFD')
                    .replace('\t', '\uFFFD');
            assertThat(sd)
                    .containsEntry("chain", expected)
                    .containsEntry("seq", "5")
                    .containsEntry("epoch", "3");
            assertThat(parsed.bom()).isTrue();
            assertThat(CefParser.parse(parsed.msg()).labelled("chain")).isEqualTo("chain " + nasty);
        }
    }

    @Test
    void msgIdNamesTheClass() {
        assertThat(msgId("{\"class_uid\":3002}")).isEqualTo("AUTHENTICATION");
        assertThat(msgId("{\"class_uid\":3003}")).isEqualTo("AUTHORIZE_SESSION");
        assertThat(msgId("{\"class_uid\":2004}")).isEqualTo("DETECTION_FINDING");
        assertThat(msgId("{\"class_uid\":4001}")).isEqualTo("CLASS_4001");
        assertThat(msgId("{}")).isEqualTo("UNKNOWN");
        assertThat(msgId("not json")).isEqualTo("MALFORMED");
    }

    private String msgId(String json) {
        return Rfc5424Parser.parse(
                        composer.compose(TestEvents.sealed("c", 1, json)).render())
                .msgId();
    }

    @Test
    void headerFieldsAreKeptPrintableAndWithinLength() {
        SyslogMessage m = new SyslogMessage(
                13, 6, Instant.EPOCH, "host name\u00e9", "a".repeat(60), "", "id", Optional.empty(), "x");

        Parsed parsed = Rfc5424Parser.parse(m.render());

        assertThat(parsed.hostname()).isEqualTo("host_name_");
        assertThat(parsed.appName()).hasSize(48);
        assertThat(parsed.procId()).isEqualTo("-");
        assertThat(parsed.timestamp()).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(parsed.structuredData()).isEmpty();
    }

    @Test
    void octetCountingCountsUtf8BytesNotCharacters() {
        SyslogMessage m = new SyslogMessage(13, 6, Instant.EPOCH, "h", "a", null, null, Optional.empty(), "é日本🔒");

        byte[] frame = m.framed();
        byte[] body = m.toBytes();

        String prefix = body.length + " ";
        assertThat(new String(frame, 0, prefix.length(), StandardCharsets.US_ASCII))
                .isEqualTo(prefix);
        assertThat(Arrays.copyOfRange(frame, prefix.length(), frame.length)).isEqualTo(body);
        // BOM (3) + é (2) + 日本 (6) + 🔒 (4) bytes, after "<110>1 1970-01-01T00:00:00.000Z h a - - - "
        assertThat(body.length).isEqualTo("<110>1 1970-01-01T00:00:00.000Z h a - - - ".length() + 3 + 2 + 6 + 4);
        assertThat(body[body.length - 15]).isEqualTo((byte) 0xEF);
    }

    @Test
    void severityOutsideTheRfcRangeIsRefused() {
        assertThatThrownBy(() -> new SyslogMessage(13, 8, Instant.EPOCH, "h", "a", null, null, Optional.empty(), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
