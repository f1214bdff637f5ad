package io.sigil.audit.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
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

    /**
     * The one-pass path (no tree) against the tree path it skips, on events whose facts take every form the tree path
     * distinguishes; the same canonical bytes and facts, or the same flagged value, every time.
     */
    @Test
    void theStreamingPathSealsExactlyWhatTheTreePathSeals() {
        EventCanonicaliser streaming = new EventCanonicaliser(mapper);
        EventCanonicaliser treeOnly = new EventCanonicaliser(mapper, false);
        String[] auditIds = {"\"a-1\"", "\"\"", "null", "7", "{}", "[\"x\"]", "true", "\"a\\u0000b\""};
        String[] times = {
            "\"2026-11-23T10:00:00.123Z\"",
            "\"2026-11-23T10:00:00Z\"",
            "\"+1000000000-01-01T00:00:00Z\"",
            "null",
            "1763892000.25",
            "1763892000",
            "\"yesterday\"",
            "{}",
            "[]",
            "true",
            "1e300"
        };
        String[] classUids = {"6003", "2004", "6003.0", "\"6003\"", "null", "4294967297", "-1", "{}", "1e3"};
        String[] texts = {
            "\"client:x\"", "null", "{}", "[1]", "5", "false", "1.5", "\"Zo\\u00eb\"", "\"" + "y".repeat(300) + "\""
        };
        String[] attributes = {
            "{\"tool\":\"read_email\",\"n\":3}", "{\"tool\":null}", "{\"tool\":{\"a\":1}}", "{\"tool\":7}",
            "[{\"tool\":\"x\"}]", "\"tool\"", "null", "{\"upstream\":\"demo\",\"inner\":{\"tool\":\"no\"}}"
        };
        java.util.Random random = new java.util.Random(1124);
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            StringBuilder event = new StringBuilder("{");
            List<String> members = new java.util.ArrayList<>(List.of(
                    "\"audit_id\":" + pick(random, auditIds),
                    "\"time\":" + pick(random, times),
                    "\"class_uid\":" + pick(random, classUids),
                    "\"activity\":" + pick(random, texts),
                    "\"source\":" + pick(random, texts),
                    "\"actor\":" + pick(random, texts),
                    "\"outcome\":" + pick(random, texts),
                    "\"trust_level\":\"Medium\"",
                    "\"attributes\":" + pick(random, attributes)));
            java.util.Collections.shuffle(members, random);
            int kept = members.size() - random.nextInt(3); // sometimes without some members
            for (int m = 0; m < kept; m++) {
                event.append(m == 0 ? "" : ",").append(members.get(m));
            }
            if (random.nextInt(20) == 0) {
                event.append(",\"actor\":\"second\""); // a duplicate name
            }
            values.add(event.append('}').toString());
        }
        for (int n = 0; n < 500; n++) {
            values.add(benchEvent(n)); // what the gateway (and the sealing benchmark) writes
        }
        for (String value : values) {
            byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            CanonicalEvent fast = streaming.canonicalise("gateway", bytes);
            CanonicalEvent reference = treeOnly.canonicalise("gateway", bytes);
            assertThat(fast.canonical()).as(value).isEqualTo(reference.canonical());
            assertThat(fast.utf8()).as(value).isEqualTo(reference.utf8());
            assertThat(fast.facts()).as(value).isEqualTo(reference.facts());
        }
        assertThat(treeOnly.streamedCount()).isZero();
        // Plain events (string audit_id and time, integral class) take the fast path; the test would otherwise
        // compare the tree path with itself.
        assertThat(streaming.streamedCount()).isGreaterThan(500);
        long before = streaming.streamedCount();
        for (int n = 0; n < 100; n++) {
            streaming.canonicalise("gateway", benchEvent(n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(streaming.streamedCount() - before).isEqualTo(100);
    }

    private static String pick(java.util.Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String benchEvent(int n) {
        com.fasterxml.jackson.databind.node.ObjectNode event = mapper.createObjectNode();
        event.put("audit_id", java.util.UUID.randomUUID().toString());
        event.put("time", Instant.now().toString());
        event.put("class_uid", n % 7 == 0 ? 2004 : 6003);
        event.put("activity", "tools/call");
        event.put("source", "gateway");
        event.put("actor", "client:bench");
        event.put("outcome", n % 5 == 0 ? "denied" : "success");
        com.fasterxml.jackson.databind.node.ObjectNode attributes = event.putObject("attributes");
        attributes.put("tool", n % 2 == 0 ? "get_weather" : "read_email");
        attributes.put("n", n);
        attributes.put("risk", n / 7.0);
        return event.toString();
    }
}
