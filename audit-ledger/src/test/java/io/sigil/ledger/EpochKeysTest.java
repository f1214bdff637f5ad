package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EpochKeysTest {
    private static final byte[] ROOT = Hex.decode("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

    @Test
    void genesisKeyIsHkdfExtractWithTheChainSalt() {
        byte[] expected = HmacSha256.mac("sigil-audit-chain/v1".getBytes(StandardCharsets.UTF_8), ROOT);
        assertThat(EpochKeys.genesisKey(ROOT)).isEqualTo(expected).hasSize(32);
    }

    @Test
    void nextIsOneBlockOfHkdfExpand() {
        byte[] key = EpochKeys.genesisKey(ROOT);
        // L = 32 is a single block: T(1) = HMAC(key, info ‖ 0x01).
        byte[] info = "sigil-audit-epoch-next".getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[info.length + 1];
        System.arraycopy(info, 0, input, 0, info.length);
        input[info.length] = 1;
        assertThat(EpochKeys.next(key)).isEqualTo(HmacSha256.mac(key, input)).isNotEqualTo(key);
    }

    @Test
    void keyForWalksFromGenesis() {
        byte[] k = EpochKeys.genesisKey(ROOT);
        assertThat(EpochKeys.keyFor(ROOT, 50, 50)).isEqualTo(k);
        for (int i = 0; i < 3; i++) {
            k = EpochKeys.next(k);
        }
        assertThat(EpochKeys.keyFor(ROOT, 50, 53)).isEqualTo(k);
        assertThatThrownBy(() -> EpochKeys.keyFor(ROOT, 50, 49)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shortRootKeysAreRefused() {
        assertThatThrownBy(() -> EpochKeys.genesisKey(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void epochOfIsAFlooredDivision() {
        Duration hour = Duration.ofHours(1);
        assertThat(EpochKeys.epochOf(Instant.EPOCH, hour)).isZero();
        assertThat(EpochKeys.epochOf(Instant.parse("1970-01-01T00:59:59.999Z"), hour))
                .isZero();
        assertThat(EpochKeys.epochOf(Instant.parse("1970-01-01T01:00:00Z"), hour))
                .isEqualTo(1);
        assertThat(EpochKeys.epochOf(Instant.parse("1969-12-31T23:59:59.999Z"), hour))
                .isEqualTo(-1);
        assertThat(EpochKeys.epochOf(Instant.parse("2026-11-23T10:30:00Z"), hour))
                .isEqualTo(Instant.parse("2026-11-23T10:00:00Z").getEpochSecond() / 3600);
        assertThatThrownBy(() -> EpochKeys.epochOf(Instant.EPOCH, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void evolvingKeyAndKeyScheduleAgree() {
        EvolvingKey sealing = EvolvingKey.genesis(ROOT, 100);
        KeySchedule verifying = new KeySchedule(ROOT, 100);
        for (long epoch : new long[] {100, 101, 105, 105, 200}) {
            sealing.advanceTo(epoch);
            assertThat(sealing.epoch()).isEqualTo(epoch);
            assertThat(verifying.keyFor(epoch)).isEqualTo(sealing.key()).isEqualTo(EpochKeys.keyFor(ROOT, 100, epoch));
        }
    }

    @Test
    void evolvingKeyRefusesToGoBack() {
        EvolvingKey key = EvolvingKey.genesis(ROOT, 10);
        key.advanceTo(12);
        byte[] before = key.key();
        assertThatThrownBy(() -> key.advanceTo(11)).isInstanceOf(IllegalStateException.class);
        assertThat(key.epoch()).isEqualTo(12);
        assertThat(key.key()).isEqualTo(before);
    }

    @Test
    void advancingOverwritesTheOldKeyBytesWithZeros() {
        byte[] epoch7 = EpochKeys.keyFor(ROOT, 0, 7);
        byte[] handedOver = epoch7.clone();
        EvolvingKey key = new EvolvingKey(7, handedOver);
        byte[] copy = key.key();
        assertThat(copy).isEqualTo(epoch7);

        key.advanceTo(8);

        assertThat(handedOver).as("the epoch-7 key array after advancing").containsOnly(0);
        assertThat(copy).as("copies handed out earlier are the caller's").isEqualTo(epoch7);
        assertThat(key.key()).isEqualTo(EpochKeys.next(epoch7));
    }

    @Test
    void destroyedKeysCannotBeUsed() {
        byte[] bytes = EpochKeys.genesisKey(ROOT);
        EvolvingKey key = new EvolvingKey(0, bytes);
        key.destroy();
        assertThat(bytes).containsOnly(0);
        assertThatThrownBy(key::key).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> key.advanceTo(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyScheduleCachesTheLatestKeySoInOrderLookupsAreLinear() {
        KeySchedule schedule = new KeySchedule(ROOT, 0);
        for (long epoch = 0; epoch <= 500; epoch++) {
            schedule.keyFor(epoch);
            schedule.keyFor(epoch); // asking twice costs nothing
        }
        assertThat(schedule.derivations()).isEqualTo(500);
    }

    @Test
    void keyScheduleRestartsFromGenesisWhenAskedForAnEarlierEpoch() {
        KeySchedule schedule = new KeySchedule(ROOT, 0);
        byte[] key3 = schedule.keyFor(3);
        schedule.keyFor(10);
        assertThat(schedule.keyFor(3)).isEqualTo(key3);
        assertThat(schedule.derivations()).isEqualTo(10 + 3);
    }

    @Test
    void keyScheduleRejectsEpochsBeforeGenesisAndUnreasonableJumps() {
        KeySchedule schedule = new KeySchedule(ROOT, 20, 1_000);
        assertThatThrownBy(() -> schedule.keyFor(19)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.keyFor(20 + 1_001)).isInstanceOf(IllegalArgumentException.class);
        assertThat(schedule.keyFor(20 + 1_000)).hasSize(32);
    }

    @Test
    void keyScheduleHandsOutCopies() {
        KeySchedule schedule = new KeySchedule(ROOT, 0);
        byte[] key = schedule.keyFor(2);
        byte[] expected = key.clone();
        java.util.Arrays.fill(key, (byte) 0);
        assertThat(schedule.keyFor(2)).isEqualTo(expected);
    }

    @Test
    void distinctRootKeysGiveUnrelatedKeys() {
        Random random = new Random(1);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] root = new byte[32];
            random.nextBytes(root);
            keys.add(Hex.encode(EpochKeys.keyFor(root, 0, 3)));
        }
        assertThat(keys).doesNotHaveDuplicates();
    }
}
