package io.sigil.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The record reader the export used before the byte-level parser (Jackson's streaming parser), kept to check the new
 * one against: one line in, a record or a refusal out. Besides the old rules it refuses what the new reader refuses
 * on purpose: a second value on the line and a repeated field name.
 */
final class JacksonRecordReference {
    private static final JsonFactory STREAMS = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A record, or the reason there is none. */
    record Outcome(SealedRecord record, String refusal) {
        boolean ok() {
            return record != null;
        }
    }

    private String type;
    private String chain;
    private long seq;
    private long offset;
    private long epoch;
    private String sealedAt;
    private String event;
    private String eventSha256;
    private String prevMac;
    private String mac;
    private int seen;
    private String problem;

    static Outcome read(byte[] line) {
        try (JsonParser p = STREAMS.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Outcome(null, "not an object");
            }
            JacksonRecordReference fields = new JacksonRecordReference();
            fields.readObject(p);
            if (p.nextToken() != null) {
                return new Outcome(null, "a second value");
            }
            if (!"record".equals(fields.type)) {
                return new Outcome(null, "type " + fields.type);
            }
            return new Outcome(fields.record(), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(null, e.getMessage());
        }
    }

    private void readObject(JsonParser p) throws IOException {
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "type" -> type = text(p, value, name);
                case "chain" -> chain = text(p, value, name);
                case "seq" -> seq = integer(p, value, name, 1);
                case "offset" -> offset = integer(p, value, name, 2);
                case "epoch" -> epoch = integer(p, value, name, 4);
                case "sealed_at" -> sealedAt = text(p, value, name);
                case "event" -> event = text(p, value, name);
                case "event_sha256" -> eventSha256 = text(p, value, name);
                case "prev_mac" -> prevMac = text(p, value, name);
                case "mac" -> mac = text(p, value, name);
                default -> p.skipChildren();
            }
        }
    }

    private SealedRecord record() {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if ((seen & 7) != 7) {
            throw new IllegalArgumentException("missing integer field");
        }
        return new SealedRecord(
                required(chain),
                seq,
                offset,
                epoch,
                instant(required(sealedAt)),
                required(event),
                Hex.decode(required(eventSha256)),
                Hex.decode(required(prevMac)),
                Hex.decode(required(mac)));
    }

    private String text(JsonParser p, JsonToken value, String name) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (value != JsonToken.VALUE_NULL) {
            problem = problem == null ? "field " + name + " must be a string" : problem;
        }
        p.skipChildren();
        return null;
    }

    private long integer(JsonParser p, JsonToken value, String name, int bit) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            seen |= bit;
            return p.getLongValue();
        }
        if (value != JsonToken.VALUE_NULL) {
            problem = problem == null ? "field " + name + " must be an integer" : problem;
        }
        p.skipChildren();
        return 0;
    }

    private static String required(String value) {
        if (value == null) {
            throw new IllegalArgumentException("missing field");
        }
        return value;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("sealed_at", e);
        }
    }
}
