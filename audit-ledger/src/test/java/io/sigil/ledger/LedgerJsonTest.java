package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LedgerJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void recordsRoundTripThroughJsonText() throws Exception {
        SealedRecord r = record();
        ObjectNode json = LedgerJson.toJson(r);
        assertThat(json.get("event_sha256").textValue()).isEqualTo(Hex.encode(r.eventSha256()));
        assertThat(json.get("sealed_at").textValue()).isEqualTo("2026-11-23T08:00:00.123456789Z");
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "chain", "seq", "offset", "epoch", "sealed_at", "event", "event_sha256", "prev_mac", "mac");
        JsonNode parsed = MAPPER.readTree(MAPPER.writeValueAsString(json));
        assertThat(LedgerJson.recordFromJson(parsed)).isEqualTo(r);
    }

    @Test
    void checkpointsRoundTripSignedAndUnsigned() throws Exception {
        Checkpoint unsigned = CheckpointTest.sample();
        Checkpoint signed = new CheckpointSigner(new byte[32]).sign(unsigned);
        for (Checkpoint c : new Checkpoint[] {unsigned, signed}) {
            JsonNode parsed = MAPPER.readTree(MAPPER.writeValueAsString(LedgerJson.toJson(c)));
            assertThat(LedgerJson.checkpointFromJson(parsed)).isEqualTo(c);
        }
        assertThat(LedgerJson.toJson(signed).get("tree_size").longValue()).isEqualTo(300);
        assertThat(LedgerJson.toJson(unsigned).get("signature").isNull()).isTrue();
    }

    @Test
    void malformedRecordsNameTheField() {
        ObjectNode json = LedgerJson.toJson(record());
        assertThatThrownBy(() -> LedgerJson.recordFromJson(json.deepCopy().without("mac")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mac");
        assertThatThrownBy(() -> LedgerJson.recordFromJson(json.deepCopy().put("seq", "7")))
                .hasMessageContaining("seq");
        assertThatThrownBy(() -> LedgerJson.recordFromJson(json.deepCopy().put("seq", 1.5)))
                .hasMessageContaining("seq");
        assertThatThrownBy(() -> LedgerJson.recordFromJson(json.deepCopy().put("prev_mac", "xyz")))
                .hasMessageContaining("prev_mac");
        assertThatThrownBy(() -> LedgerJson.recordFromJson(json.deepCopy().put("sealed_at", "yesterday")))
                .hasMessageContaining("sealed_at");
        assertThatThrownBy(() -> LedgerJson.recordFromJson(MAPPER.createArrayNode()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SealedRecord record() {
        byte[] root = new byte[32];
        new Random(7).nextBytes(root);
        EvolvingKey key = EvolvingKey.genesis(root, 3);
        return SealedRecord.seal(
                key,
                "audit",
                0,
                981,
                Instant.parse("2026-11-23T08:00:00.123456789Z"),
                "{\"msg\":\"ünïcode \\\"quoted\\\"\"}",
                ChainMac.GENESIS_PREV_MAC);
    }
}
