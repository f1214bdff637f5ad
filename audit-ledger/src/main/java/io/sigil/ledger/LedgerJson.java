package io.sigil.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** JSON form of sealed records and checkpoints: snake_case names, byte arrays in lower-case hex, instants ISO-8601. */
public final class LedgerJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LedgerJson() {}

    public static ObjectNode toJson(SealedRecord r) {
        ObjectNode json = NODES.objectNode();
        json.put("chain", r.chain());
        json.put("seq", r.seq());
        json.put("offset", r.offset());
        json.put("epoch", r.epoch());
        json.put("sealed_at", r.sealedAt().toString());
        json.put("event", r.event());
        json.put("event_sha256", Hex.encode(r.eventSha256()));
        json.put("prev_mac", Hex.encode(r.prevMac()));
        json.put("mac", Hex.encode(r.mac()));
        return json;
    }

    /** Throws IllegalArgumentException naming the field that is missing or malformed. */
    public static SealedRecord recordFromJson(JsonNode json) {
        requireObject(json, "sealed record");
        return new SealedRecord(
                text(json, "chain"),
                integer(json, "seq"),
                integer(json, "offset"),
                integer(json, "epoch"),
                instant(json, "sealed_at"),
                text(json, "event"),
                hex(json, "event_sha256"),
                hex(json, "prev_mac"),
                hex(json, "mac"));
    }

    public static ObjectNode toJson(Checkpoint c) {
        ObjectNode json = NODES.objectNode();
        json.put("chain", c.chain());
        json.put("tree_size", c.treeSize());
        json.put("root", Hex.encode(c.root()));
        json.put("head_seq", c.headSeq());
        json.put("head_mac", c.headMac() == null ? null : Hex.encode(c.headMac()));
        json.put("epoch", c.epoch());
        json.put("issued_at", c.issuedAt().toString());
        json.put("key_id", c.keyId());
        json.put("signature", c.signature() == null ? null : Hex.encode(c.signature()));
        return json;
    }

    public static Checkpoint checkpointFromJson(JsonNode json) {
        requireObject(json, "checkpoint");
        return new Checkpoint(
                text(json, "chain"),
                integer(json, "tree_size"),
                hex(json, "root"),
                integer(json, "head_seq"),
                optionalHex(json, "head_mac"),
                integer(json, "epoch"),
                instant(json, "issued_at"),
                optionalText(json, "key_id"),
                optionalHex(json, "signature"));
    }

    private static void requireObject(JsonNode json, String what) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a " + what + " is a JSON object");
        }
    }

    private static JsonNode field(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field " + name);
        }
        return value;
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = field(json, name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field " + name + " must be a string");
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode json, String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? null : text(json, name);
    }

    private static long integer(JsonNode json, String name) {
        JsonNode value = field(json, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("field " + name + " must be an integer");
        }
        return value.longValue();
    }

    private static Instant instant(JsonNode json, String name) {
        try {
            return Instant.parse(text(json, name));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field " + name + " is not an ISO-8601 instant", e);
        }
    }

    private static byte[] hex(JsonNode json, String name) {
        String hex = text(json, name);
        try {
            return Hex.decode(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field " + name + ": " + e.getMessage(), e);
        }
    }

    private static byte[] optionalHex(JsonNode json, String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? null : hex(json, name);
    }
}
