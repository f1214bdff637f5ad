package io.sigil.audit.sealing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.model.ocsf.OcsfFields;
import io.sigil.ledger.JcsWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a raw audit-topic value into the canonical form that is sealed. A value that is not an audit event
 * is sealed too, wrapped and flagged, so that nothing written to the topic escapes the chain.
 */
public final class EventCanonicaliser {

    /** The member under which a malformed value is kept. */
    public static final String MALFORMED = "sigil_malformed";

    /** Characters of a query fact; far below the btree entry limit even in 4-byte UTF-8. */
    static final int MAX_FACT = 256;

    private static final BigDecimal EARLIEST =
            BigDecimal.valueOf(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond());
    private static final BigDecimal LATEST =
            BigDecimal.valueOf(Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());

    /** Every member {@link #isEvent} and {@link #facts} read, in the OCSF form and the plain form alike. */
    static final CanonicalInput.Selection FACT_MEMBERS = factMembers();

    private final ObjectMapper mapper;
    /** One canonicaliser serves one sealer thread; the writer keeps its buffer between events. */
    private final JcsWriter jcs = new JcsWriter();

    public EventCanonicaliser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The topic's value as its bytes. Plain ASCII JSON (what the gateway writes) is parsed from the bytes directly,
     * sparing the UTF-8 decoding into a String and Jackson's copy of it; anything else (non-ASCII, NUL, not an event)
     * goes through {@link #canonicalise(String, String)} with the value decoded as Kafka's StringDeserializer decodes
     * it, so that every value is sealed exactly as before.
     */
    public CanonicalEvent canonicalise(String key, byte[] value) {
        // The one-pass reader accepts ASCII only, so it needs no check of its own first.
        CanonicalEvent asSent = value == null ? null : asSent(value);
        if (asSent != null) {
            return asSent;
        }
        if (value != null && plainAscii(value)) {
            try {
                JsonNode event = mapper.readTree(value);
                if (isEvent(event)) {
                    return canonical(event, facts(event));
                }
            } catch (IOException | RuntimeException notAnEvent) {
                // Decided below, on the same characters, exactly as for any other value.
            }
        }
        return canonicalise(key, value == null ? null : new String(value, StandardCharsets.UTF_8));
    }

    /**
     * The event sealed as it was sent, when it already is in canonical form (the mesh's producers send it so): no
     * tree is built and nothing is written again. Null when it is not, or when it is no event; the long way then
     * decides, and reaches the same bytes and facts for any value this accepts.
     */
    private static CanonicalEvent asSent(byte[] value) {
        ObjectNode picked = CanonicalInput.read(value, FACT_MEMBERS);
        if (picked == null) {
            return null;
        }
        try {
            return isEvent(picked)
                    ? new CanonicalEvent(new String(value, StandardCharsets.ISO_8859_1), value, facts(picked))
                    : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * Bytes 0x01–0x7F only: the same characters as the decoded String, and nothing Jackson's encoding detection on
     * bytes (BOMs, the zero bytes of UTF-16 and UTF-32) could read differently.
     */
    static boolean plainAscii(byte[] value) {
        for (byte b : value) {
            if (b <= 0) {
                return false;
            }
        }
        return true;
    }

    public CanonicalEvent canonicalise(String key, String value) {
        String raw = value == null ? "" : value;
        try {
            JsonNode event = mapper.readTree(raw);
            if (isEvent(event)) {
                return canonical(event, facts(event));
            }
        } catch (IOException | RuntimeException notAnEvent) {
            // Whatever cannot be read as an event (bad JSON, a time out of range, a number JCS refuses) is
            // sealed in the flagged form below: one unreadable value must never stop the sealer.
        }
        ObjectNode wrapper = mapper.createObjectNode();
        ObjectNode body = wrapper.putObject(MALFORMED);
        body.put("kafka_key", key);
        body.put("raw", raw);
        return canonical(wrapper, EventFacts.malformed(fact(key)));
    }

    private CanonicalEvent canonical(JsonNode event, EventFacts facts) {
        byte[] utf8 = jcs.canonicalize(event);
        return new CanonicalEvent(new String(utf8, StandardCharsets.UTF_8), utf8, facts);
    }

    /** An audit event, in its OCSF form or the plain form of earlier releases: it has an audit id. */
    private static boolean isEvent(JsonNode event) {
        if (event == null || !event.isObject()) {
            return false;
        }
        JsonNode auditId = OcsfFields.sigil(event, OcsfFields.AUDIT_ID);
        return auditId != null && !auditId.isNull();
    }

    private static CanonicalInput.Selection factMembers() {
        CanonicalInput.Selection value = CanonicalInput.Selection.VALUE;
        CanonicalInput.Selection attributes = new CanonicalInput.Selection(Map.of("tool", value));
        Map<String, CanonicalInput.Selection> sigil = Map.of(
                OcsfFields.AUDIT_ID, value,
                OcsfFields.ACTIVITY, value,
                OcsfFields.SOURCE, value,
                OcsfFields.ACTOR, value,
                OcsfFields.OUTCOME, value,
                OcsfFields.ATTRIBUTES, attributes);
        Map<String, CanonicalInput.Selection> top = new HashMap<>(sigil);
        top.put("unmapped", new CanonicalInput.Selection(sigil));
        top.put("class_uid", value);
        top.put("time", value);
        top.put("time_dt", value);
        return new CanonicalInput.Selection(top);
    }

    private static EventFacts facts(JsonNode event) {
        return new EventFacts(
                true,
                fact(OcsfFields.sigil(event, OcsfFields.AUDIT_ID).asText()),
                time(OcsfFields.time(event)),
                event.path("class_uid").isIntegralNumber()
                        ? event.get("class_uid").intValue()
                        : null,
                text(OcsfFields.sigil(event, OcsfFields.ACTIVITY)),
                text(OcsfFields.sigil(event, OcsfFields.SOURCE)),
                text(OcsfFields.sigil(event, OcsfFields.ACTOR)),
                text(OcsfFields.sigil(event, OcsfFields.OUTCOME)),
                text(OcsfFields.attribute(event, "tool")));
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() || value.isContainerNode() ? null : fact(value.asText());
    }

    /**
     * A query fact fit for an indexed text column: PostgreSQL text holds no NUL, and a btree entry has a size
     * limit, so an event with a NUL or a huge actor would otherwise fail its batch forever. The sealed
     * canonical event keeps the value whole.
     */
    static String fact(String value) {
        if (value == null) {
            return null;
        }
        String clean = value.replace('\0', '\uFFFD');
        return clean.length() <= MAX_FACT ? clean : clean.substring(0, MAX_FACT);
    }

    /** The event's time as a query fact; null when absent or beyond what PostgreSQL can store (years 1–9999). */
    private static Instant time(JsonNode time) {
        if (time == null || time.isNull()) {
            return null;
        }
        Instant instant;
        if (time.isNumber()) {
            // Jackson writes an Instant as epoch seconds with a nanosecond fraction.
            BigDecimal seconds = time.decimalValue();
            if (seconds.compareTo(EARLIEST) < 0 || seconds.compareTo(LATEST) > 0) {
                return null;
            }
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole))
                    .movePointRight(9)
                    .longValue();
            instant = Instant.ofEpochSecond(whole, nanos);
        } else {
            instant = IsoInstant.parse(time.asText());
        }
        return instant.getEpochSecond() < EARLIEST.longValue() || instant.getEpochSecond() > LATEST.longValue()
                ? null
                : instant;
    }
}
