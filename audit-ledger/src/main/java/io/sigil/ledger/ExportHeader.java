package io.sigil.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The first line of an NDJSON export: what a verifier needs besides the root key to rebuild the epoch keys. */
public record ExportHeader(int version, long genesisEpoch, long epochSeconds) {
    public static final String TYPE = "sigil-audit-export";
    public static final int CURRENT_VERSION = 1;

    public static ExportHeader of(long genesisEpoch, long epochSeconds) {
        return new ExportHeader(CURRENT_VERSION, genesisEpoch, epochSeconds);
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", TYPE);
        json.put("version", version);
        json.put("genesis_epoch", genesisEpoch);
        json.put("epoch_seconds", epochSeconds);
        return json;
    }

    static ExportHeader fromJson(JsonNode json) {
        if (json == null || !json.isObject() || !TYPE.equals(json.path("type").textValue())) {
            throw new IllegalArgumentException("the first line is not a " + TYPE + " header");
        }
        JsonNode version = json.get("version");
        if (version == null || !version.isIntegralNumber() || version.intValue() != CURRENT_VERSION) {
            throw new IllegalArgumentException("unsupported export version " + version);
        }
        JsonNode genesis = json.get("genesis_epoch");
        JsonNode seconds = json.get("epoch_seconds");
        if (genesis == null || !genesis.isIntegralNumber() || seconds == null || !seconds.isIntegralNumber()) {
            throw new IllegalArgumentException("the header needs integer genesis_epoch and epoch_seconds");
        }
        return new ExportHeader(CURRENT_VERSION, genesis.longValue(), seconds.longValue());
    }
}
