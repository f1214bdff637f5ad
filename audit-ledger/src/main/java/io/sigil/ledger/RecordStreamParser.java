package io.sigil.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads one export line object straight off a streaming parser into a {@link SealedRecord}, without building a tree:
 * the same fields and rules as {@link LedgerJson#recordFromJson}, several times faster on large exports.
 */
final class RecordStreamParser {
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

    private static final int SEQ = 1;
    private static final int OFFSET = 2;
    private static final int EPOCH = 4;

    /** Consumes the object whose START_OBJECT is the current token; returns its "type", keeps its record fields. */
    String readObject(JsonParser p) throws IOException {
        type = chain = sealedAt = event = eventSha256 = prevMac = mac = problem = null;
        seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "type" -> type = text(p, value, name);
                case "chain" -> chain = text(p, value, name);
                case "seq" -> seq = integer(p, value, name, SEQ);
                case "offset" -> offset = integer(p, value, name, OFFSET);
                case "epoch" -> epoch = integer(p, value, name, EPOCH);
                case "sealed_at" -> sealedAt = text(p, value, name);
                case "event" -> event = text(p, value, name);
                case "event_sha256" -> eventSha256 = text(p, value, name);
                case "prev_mac" -> prevMac = text(p, value, name);
                case "mac" -> mac = text(p, value, name);
                default -> p.skipChildren();
            }
        }
        return type;
    }

    /** The record read last; IllegalArgumentException naming a missing or malformed field. */
    SealedRecord record() {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        requireInteger(SEQ, "seq");
        requireInteger(OFFSET, "offset");
        requireInteger(EPOCH, "epoch");
        return new SealedRecord(
                required(chain, "chain"),
                seq,
                offset,
                epoch,
                instant(required(sealedAt, "sealed_at")),
                required(event, "event"),
                hex(eventSha256, "event_sha256"),
                hex(prevMac, "prev_mac"),
                hex(mac, "mac"));
    }

    private String text(JsonParser p, JsonToken value, String name) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (value != JsonToken.VALUE_NULL) {
            noteProblem("field " + name + " must be a string");
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
            noteProblem("field " + name + " must be an integer");
        }
        p.skipChildren();
        return 0;
    }

    private void noteProblem(String message) {
        if (problem == null) {
            problem = message;
        }
    }

    private void requireInteger(int bit, String name) {
        if ((seen & bit) == 0) {
            throw new IllegalArgumentException("missing field " + name);
        }
    }

    private static String required(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("missing field " + name);
        }
        return value;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field sealed_at is not an ISO-8601 instant", e);
        }
    }

    private static byte[] hex(String text, String name) {
        String value = required(text, name);
        try {
            return Hex.decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field " + name + ": " + e.getMessage(), e);
        }
    }
}
