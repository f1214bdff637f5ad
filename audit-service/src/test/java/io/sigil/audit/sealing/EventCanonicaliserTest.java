package io.sigil.audit.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.model.TrustLevel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCanonicaliserTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final EventCanonicaliser canonicaliser = new EventCanonicaliser(mapper);

    @Test
    void sealsTheCanonicalFormAndExtractsTheFacts() throws Exception {
        CanonicalEvent event = canonicaliser.canonicalise(
                "gateway",
                "{ \"time\": 1763892000.250, \"audit_id\": \"a-1\", \"class_uid\": 6003, \"actor\": \"client:x\","
                        + " \"outcome\": \"denied\", \"attributes\": {\"tool\": \"drop_table\"} }");

        assertThat(event.canonical())
                .isEqualTo("{\"actor\":\"client:x\",\"attributes\":{\"tool\":\"drop_table\"},\"audit_id\":\"a-1\","
                        + "\"class_uid\":6003,\"outcome\":\"denied\",\"time\":1763892000.25}");
        assertThat(event.facts().wellFormed()).isTrue();
        assertThat(event.facts().eventTime()).isEqualTo(Instant.parse("2025-11-23T10:00:00.250Z"));
        assertThat(event.facts().tool()).isEqualTo("drop_table");
        assertThat(event.facts().classUid()).isEqualTo(6003);
    }

    @Test
    void readsTheFactsOfAnOcsfEventFromItsSigilFields() throws Exception {
        AuditEvent written = new AuditEvent(
                "a-2",
                Instant.parse("2026-11-24T06:00:00.123456789Z"),
                AuditEvent.DETECTION_FINDING,
                "mcp/denial",
                "gateway",
                "client:y",
                TrustLevel.LOW,
                "denied",
                Map.of("tool", "wire_money", "policy_rule", "pinning/forbidden"));
        String json = mapper.writeValueAsString(written);

        CanonicalEvent fromText = canonicaliser.canonicalise("gateway", json);
        CanonicalEvent fromBytes = canonicaliser.canonicalise("gateway", json.getBytes(StandardCharsets.UTF_8));

        assertThat(fromText.facts())
                .isEqualTo(fromBytes.facts())
                .isEqualTo(new EventFacts(
                        true,
                        "a-2",
                        Instant.parse("2026-11-24T06:00:00.123456789Z"),
                        2004,
                        "mcp/denial",
                        "gateway",
                        "client:y",
                        "denied",
                        "wire_money"));
        assertThat(fromText.canonical()).isEqualTo(fromBytes.canonical()).contains("\"type_uid\":200401");
    }

    @Test
    void aValueThatIsNoEventIsSealedWrappedAndFlagged() throws Exception {
        CanonicalEvent event = canonicaliser.canonicalise("intruder", "[1,2");

        assertThat(event.facts().wellFormed()).isFalse();
        assertThat(event.facts().source()).isEqualTo("intruder");
        assertThat(mapper.readTree(event.canonical())
                        .path("sigil_malformed")
                        .path("raw")
                        .asText())
                .isEqualTo("[1,2");
    }

    @Test
    void factsThatPostgresCouldNotIndexAreMadeStorableWhileTheSealedEventStaysWhole() throws Exception {
        String huge = "a".repeat(10_000);
        CanonicalEvent event = canonicaliser.canonicalise(
                "gateway",
                "{\"audit_id\":\"a-2\",\"actor\":\"bad\\u0000actor\",\"attributes\":{\"tool\":\"" + huge + "\"}}");

        assertThat(event.facts().actor()).isEqualTo("bad\uFFFDactor");
        assertThat(event.facts().tool()).hasSize(EventCanonicaliser.MAX_FACT);
        assertThat(event.canonical()).contains("bad\\u0000actor").contains(huge);
    }

    @Test
    void aTimeBeyondWhatPostgresStoresIsNoFactButTheEventIsSealedWhole() {
        for (String time : List.of("1e300", "-1e20", "\"+1000000000-01-01T00:00:00Z\"")) {
            CanonicalEvent event =
                    canonicaliser.canonicalise("gateway", "{\"audit_id\":\"a-3\",\"time\":" + time + "}");

            assertThat(event.facts().wellFormed()).isTrue();
            assertThat(event.facts().eventTime()).isNull();
        }
    }

    @Test
    void anUnreadableTimeMakesTheValueFlaggedNotAnException() {
        CanonicalEvent event = canonicaliser.canonicalise("gateway", "{\"audit_id\":\"a-4\",\"time\":\"yesterday\"}");

        assertThat(event.facts().wellFormed()).isFalse();
        assertThat(event.canonical()).contains("yesterday");
    }

    @Test
    void valuesAsBytesAreSealedExactlyAsTheirDecodedText() {
        List<byte[]> values = new java.util.ArrayList<>();
        for (String text : List.of(
                "{\"audit_id\":\"a-5\",\"time\":\"2026-11-23T10:00:00.123Z\",\"actor\":\"client:x\",\"n\":1.50}",
                "{\"audit_id\":\"a-6\",\"actor\":\"Zoë\",\"time\":1763892000.25}",
                "{\"audit_id\":null}",
                "[1,2",
                "",
                "{\"audit_id\":\"a-7\"} trailing",
                "{\"audit_id\":\"a-8\",\"time\":\"yesterday\"}")) {
            values.add(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        values.add(new byte[] {0, 0, 0, '{'});
        values.add(new byte[] {
            '{',
            '"',
            'a',
            'u',
            'd',
            'i',
            't',
            '_',
            'i',
            'd',
            '"',
            ':',
            '"',
            (byte) 0xed,
            (byte) 0xa0,
            (byte) 0x80,
            '"',
            '}'
        }); // a surrogate encoded in UTF-8: invalid, decoded to U+FFFD by Kafka's decoder
        values.add(new byte[] {
            '{', '"', 'a', 'u', 'd', 'i', 't', '_', 'i', 'd', '"', ':', '"', (byte) 0xc0, (byte) 0x80, '"', '}'
        }); // an overlong NUL
        values.add(new byte[] {
            (byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '"', 'a', 'u', 'd', 'i', 't', '_', 'i', 'd', '"', ':', '1', '}'
        }); // a UTF-8 byte order mark
        values.add(new byte[] {(byte) 0xfe, (byte) 0xff, 0, '{', 0, '}'}); // UTF-16 with a BOM
        values.add(null);
        java.util.Random random = new java.util.Random(6);
        for (int i = 0; i < 2_000; i++) {
            byte[] value = ("{\"audit_id\":\"r-" + i + "\",\"x\":\"" + "abc\\\"é{}[]:,0.5e3 ".charAt(i % 16) + "\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            value[random.nextInt(value.length)] = (byte) random.nextInt(256);
            values.add(value);
        }
        for (byte[] value : values) {
            CanonicalEvent fromBytes = canonicaliser.canonicalise("gateway", value);
            CanonicalEvent fromText = canonicaliser.canonicalise(
                    "gateway", value == null ? null : new String(value, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(fromBytes.canonical()).isEqualTo(fromText.canonical());
            assertThat(fromBytes.utf8()).isEqualTo(fromText.utf8());
            assertThat(fromBytes.facts()).isEqualTo(fromText.facts());
        }
    }
}
