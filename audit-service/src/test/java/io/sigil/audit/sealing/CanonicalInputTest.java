package io.sigil.audit.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.model.TrustLevel;
import io.sigil.ledger.Jcs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An event sealed as it was sent must be sealed exactly as the long way (parse, then RFC 8785) would seal it: the
 * same bytes and the same facts, for every value the one-pass reader accepts; and it accepts what the producers send.
 */
class CanonicalInputTest {

    private static final String[] TEXTS = {
        "plain",
        "",
        "with \"quotes\"",
        "back\\slash",
        "tab\there",
        "line\nbreak",
        "bell\u0007",
        "del\u007f",
        "unit\u001f",
        "slash/",
        "caf\u00e9",
        "emoji \uD83D\uDE00",
        "x".repeat(300),
        "{\"not\":\"json\"}",
        "a,b:c]"
    };

    private final ObjectMapper mapper = new ObjectMapper();
    private final EventCanonicaliser canonicaliser = new EventCanonicaliser(mapper);
    private final Random random = new Random(20261124);

    @Test
    void acceptsWhatTheProducersSendAndSealsItAsTheLongWayWould() throws Exception {
        int accepted = 0;
        int asciiEvents = 0;
        for (int i = 0; i < 2_000; i++) {
            byte[] sent = Jcs.canonicalize(mapper.valueToTree(event(i, false)));
            if (EventCanonicaliser.plainAscii(sent)) {
                asciiEvents++;
                if (CanonicalInput.read(sent, EventCanonicaliser.FACT_MEMBERS) != null) {
                    accepted++;
                }
            }
            assertSealedAlike(sent);
        }
        assertThat(asciiEvents).isGreaterThan(600);
        assertThat(accepted).isEqualTo(asciiEvents);
    }

    @Test
    void anythingElseIsEitherDeclinedOrSealedAlike() throws Exception {
        int declined = 0;
        int tried = 0;
        for (int i = 0; i < 2_000; i++) {
            byte[] canonical = Jcs.canonicalize(mapper.valueToTree(event(i, true)));
            if (!EventCanonicaliser.plainAscii(canonical)) {
                continue;
            }
            for (byte[] variant : variants(canonical, i)) {
                tried++;
                if (EventCanonicaliser.plainAscii(variant)
                        && CanonicalInput.read(variant, EventCanonicaliser.FACT_MEMBERS) == null) {
                    declined++;
                }
                assertSealedAlike(variant);
            }
        }
        assertThat(tried).isGreaterThan(10_000);
        assertThat(declined).isGreaterThan(tried / 2);
    }

    @Test
    void declinesEachFormThatIsNotCanonical() {
        for (String json : List.of(
                "{\"b\":1,\"a\":2}",
                "{\"a\":1,\"a\":2}",
                "{ \"a\":1}",
                "{\"a\":1 }",
                "{\"a\":1.5}",
                "{\"a\":1.0}",
                "{\"a\":1e3}",
                "{\"a\":-0}",
                "{\"a\":01}",
                "{\"a\":9007199254740993}",
                "{\"a\":\"\\/\"}",
                "{\"a\":\"\\u0041\"}",
                "{\"a\":\"\\u001F\"}",
                "{\"a\":\"\\u000a\"}",
                "{\"a\":\"\t\"}",
                "{\"a\\u0062\":1}",
                "{\"a\":1}x",
                "{\"a\":1",
                "{\"a\":tru}",
                "[1]",
                "{\"a\":[1,]}")) {
            assertThat(CanonicalInput.read(json.getBytes(StandardCharsets.US_ASCII), EventCanonicaliser.FACT_MEMBERS))
                    .as(json)
                    .isNull();
        }
    }

    @Test
    void picksTheSelectedMembersOnly() {
        String json = "{\"actor\":{\"user\":{\"name\":\"u\"}},\"class_uid\":2004,\"resources\":[{\"name\":\"t\"}],"
                + "\"time\":1795507543698,\"unmapped\":{\"attributes\":{\"n\":-7,\"tool\":\"wire\\\"money\\u0001\"},"
                + "\"audit_id\":\"a-1\",\"outcome\":null}}";

        ObjectNode picked =
                CanonicalInput.read(json.getBytes(StandardCharsets.US_ASCII), EventCanonicaliser.FACT_MEMBERS);

        assertThat(picked).isNotNull();
        assertThat(picked.toString())
                .isEqualTo("{\"actor\":{},\"class_uid\":2004,\"time\":1795507543698,"
                        + "\"unmapped\":{\"attributes\":{\"tool\":\"wire\\\"money\\u0001\"},\"audit_id\":\"a-1\","
                        + "\"outcome\":null}}");
        assertThat(picked.get("time").isLong()).isTrue();
        assertThat(picked.get("class_uid").isInt()).isTrue();
    }

    private void assertSealedAlike(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        CanonicalEvent longWay = canonicaliser.canonicalise("gateway", text);
        CanonicalEvent fromBytes = canonicaliser.canonicalise("gateway", value);
        assertThat(fromBytes.canonical()).as(text).isEqualTo(longWay.canonical());
        assertThat(fromBytes.utf8()).as(text).isEqualTo(longWay.utf8());
        assertThat(fromBytes.facts()).as(text).isEqualTo(longWay.facts());
    }

    /**
     * Events of every class and form, with texts that need escapes, integers of every size and nested values; when
     * {@code wild}, numbers that are not integers and names that need escapes too (the one-pass reader leaves those
     * to the long way).
     */
    private Object event(int n, boolean wild) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("tool", n % 11 == 0 ? List.of("not", "text") : pick());
        attributes.put("n", n % 5 == 0 ? -n : n * 1_000_003L);
        attributes.put("big", n % 7 == 0 ? 9_007_199_254_740_993L : (long) n << 20);
        attributes.put("ratio", wild && n % 3 == 0 ? n / 7.0 : (Object) n);
        attributes.put("nested", Map.of("k", pick(), "list", List.of(n, pick(), Map.of())));
        attributes.put(wild ? pick() : "extra", pick());
        if (n % 13 == 0) {
            // The form of earlier releases: the SIGIL fields at the top, the time in epoch seconds.
            Map<String, Object> plain = new LinkedHashMap<>();
            plain.put("audit_id", n % 3 == 0 ? null : "a-" + n);
            plain.put("time", n % 2 == 0 ? 1_763_892_000L + n : (Object) "2026-11-24T06:00:00.5Z");
            plain.put("class_uid", 6003);
            plain.put("actor", pick());
            plain.put("outcome", n % 2 == 0 ? null : "success");
            plain.put("attributes", attributes);
            return plain;
        }
        return new AuditEvent(
                "a-" + n,
                Instant.ofEpochSecond(1_795_507_543L + n, n * 1_000_001L % 1_000_000_000L),
                n % 4 == 0 ? AuditEvent.DETECTION_FINDING : AuditEvent.API_ACTIVITY,
                n % 4 == 0 ? "mcp/denial" : "tools/call",
                "gateway",
                pick(),
                TrustLevel.values()[n % TrustLevel.values().length],
                n % 2 == 0 ? "denied" : "success",
                attributes);
    }

    private String pick() {
        return TEXTS[random.nextInt(TEXTS.length)];
    }

    /** Near-misses of a canonical event: moved, doubled, respaced, renumbered and re-escaped pieces, cut ends. */
    private List<byte[]> variants(byte[] canonical, int n) throws Exception {
        String text = new String(canonical, StandardCharsets.US_ASCII);
        List<String> out = new ArrayList<>();
        out.add(mapper.writeValueAsString(shuffled(mapper.readTree(canonical))));
        int at = 1 + random.nextInt(text.length() - 1);
        out.add(text.substring(0, at) + " " + text.substring(at));
        out.add(text.substring(0, at));
        out.add(text + (n % 2 == 0 ? " " : "{}"));
        out.add(text.replace(":1", ":1.0"));
        out.add(text.replace(":1", ":-0"));
        out.add(text.replace(":1", ":01"));
        out.add(text.replace(":1", ":1e1"));
        out.add(text.replaceFirst(":(\\d)", ":900719925474099$1"));
        out.add(text.replace("\\\"", "\\u0022"));
        out.add(text.replace("\\n", "\\u000a"));
        out.add(text.replace("\\u00", "\\u00").replace("\\u001f", "\\u001F"));
        out.add(text.replace("/", "\\/"));
        out.add(text.replace("{\"", "{\"a\":0,\""));
        out.add(text.replace(",\"", ",\"" + "~\":0,\""));
        out.add(text.replaceFirst("(\"[a-z_]+\":)", "$1$1"));
        for (int i = 0; i < 4; i++) {
            char[] chars = text.toCharArray();
            String noise = "{}[]\",:-.0123456789 aetulnr\\u";
            chars[random.nextInt(chars.length)] = noise.charAt(random.nextInt(noise.length()));
            out.add(new String(chars));
        }
        List<byte[]> bytes = new ArrayList<>();
        for (String variant : out) {
            bytes.add(variant.getBytes(StandardCharsets.UTF_8));
        }
        return bytes;
    }

    private JsonNode shuffled(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.shuffle(names, random);
            ObjectNode copy = mapper.createObjectNode();
            for (String name : names) {
                copy.set(name, shuffled(node.get(name)));
            }
            return copy;
        }
        return node;
    }
}
