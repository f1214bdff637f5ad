package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordMacsTest {
    private final Random random = new Random(61);

    @Test
    void equalsChainMacForAnyChainKeyAndRecord() {
        for (String chain : new String[] {"", "audit", "tenant-ü", "x".repeat(300)}) {
            RecordMacs macs = new RecordMacs(chain);
            for (int keyLength : new int[] {16, 32, 64, 65, 200}) {
                byte[] key = bytes(keyLength);
                macs.key(key);
                for (long seq : new long[] {0, 1, 255, 256, Long.MAX_VALUE, -1}) {
                    byte[] prevMac = bytes(32);
                    byte[] eventSha = bytes(32);
                    byte[] mac = new byte[32];
                    macs.mac(seq, prevMac, eventSha, mac);
                    assertThat(mac)
                            .as("chain %s, key of %d bytes, seq %d", chain, keyLength, seq)
                            .isEqualTo(ChainMac.mac(key, chain, seq, prevMac, eventSha));
                }
            }
        }
    }

    @Test
    void aWipedInstanceRefusesToComputeUntilKeyedAgain() {
        RecordMacs macs = new RecordMacs("audit");
        byte[] key = bytes(32);
        macs.key(key);
        macs.wipe();
        assertThatThrownBy(() -> macs.mac(0, new byte[32], new byte[32], new byte[32]))
                .isInstanceOf(IllegalStateException.class);
        macs.key(key);
        byte[] mac = new byte[32];
        macs.mac(7, new byte[32], new byte[32], mac);
        assertThat(mac).isEqualTo(ChainMac.mac(key, "audit", 7, new byte[32], new byte[32]));
    }

    private byte[] bytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
