package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SealedRecordTest {

    @Test
    void sealComputesDigestAndMacWithTheCurrentEpochKey() {
        byte[] root = bytes(new Random(5), 32);
        EvolvingKey key = EvolvingKey.genesis(root, 40);
        key.advanceTo(42);
        String event = "{\"a\":\"é\"}";
        Instant at = Instant.parse("2026-11-23T08:00:00Z");
        SealedRecord r = SealedRecord.seal(key, "chain-1", 0, 17, at, event, ChainMac.GENESIS_PREV_MAC);

        byte[] digest = ChainMac.sha256(event.getBytes(StandardCharsets.UTF_8));
        assertThat(r.epoch()).isEqualTo(42);
        assertThat(r.eventSha256()).isEqualTo(digest);
        assertThat(r.prevMac()).isEqualTo(new byte[32]);
        assertThat(r.mac()).isEqualTo(ChainMac.mac(EpochKeys.keyFor(root, 40, 42), "chain-1", 0, new byte[32], digest));
        assertThat(r.leafHash()).isEqualTo(Merkle.leafHash(r.mac()));
        assertThat(List.of(r.chain(), r.seq(), r.offset(), r.sealedAt(), r.event()))
                .containsExactly("chain-1", 0L, 17L, at, event);
    }

    @Test
    void sealedRecordsCompareByContentAndPrintHexWithoutTheEvent() {
        EvolvingKey key = EvolvingKey.genesis(bytes(new Random(6), 32), 0);
        Instant at = Instant.parse("2026-11-23T08:00:00Z");
        String secret = "{\"password\":\"hunter2\"}";
        SealedRecord a = SealedRecord.seal(key, "c", 0, -1, at, secret, ChainMac.GENESIS_PREV_MAC);
        SealedRecord b = new SealedRecord(
                "c",
                0,
                -1,
                0,
                at,
                secret,
                a.eventSha256().clone(),
                a.prevMac().clone(),
                a.mac().clone());
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        byte[] otherMac = a.mac().clone();
        otherMac[0] ^= 1;
        assertThat(new SealedRecord("c", 0, -1, 0, at, secret, a.eventSha256(), a.prevMac(), otherMac))
                .isNotEqualTo(a);
        assertThat(a.toString())
                .doesNotContain("hunter2")
                .contains("mac=" + Hex.encode(a.mac()))
                .contains("eventSha256=" + Hex.encode(a.eventSha256()));
    }

    private static byte[] bytes(Random random, int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }
}
