package io.sigil.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The per-record chain MAC and the digests it binds. */
public final class ChainMac {
    public static final int LENGTH = HmacSha256.LENGTH;

    /** prev_mac of seq 0. Public by contract; the verifier compares against its own copy, so mutating this is harmless. */
    public static final byte[] GENESIS_PREV_MAC = new byte[LENGTH];

    static final byte[] GENESIS = new byte[LENGTH];

    private static final ThreadLocal<HmacSha256> PER_THREAD = ThreadLocal.withInitial(HmacSha256::new);

    private ChainMac() {}

    /** HMAC-SHA256(epochKey, len32(chain) ‖ chain ‖ int64be(seq) ‖ prevMac ‖ eventSha256), chain in UTF-8. */
    public static byte[] mac(byte[] epochKey, String chain, long seq, byte[] prevMac, byte[] eventSha256) {
        Objects.requireNonNull(epochKey, "epochKey");
        HmacSha256 hmac = PER_THREAD.get();
        hmac.init(epochKey);
        try {
            feed(hmac, chain.getBytes(StandardCharsets.UTF_8), seq, prevMac, eventSha256);
            return hmac.doFinal();
        } finally {
            hmac.wipe();
        }
    }

    public static byte[] sha256(byte[] data) {
        return Sha256.digest(data);
    }

    /** Feeds the MAC input into a keyed HMAC; the verifier calls this with its own long-lived instance. */
    static void feed(HmacSha256 hmac, byte[] chainUtf8, long seq, byte[] prevMac, byte[] eventSha256) {
        requireLength(prevMac, "prevMac");
        requireLength(eventSha256, "eventSha256");
        hmac.updateInt32(chainUtf8.length);
        hmac.update(chainUtf8);
        hmac.updateInt64(seq);
        hmac.update(prevMac);
        hmac.update(eventSha256);
    }

    private static void requireLength(byte[] value, String name) {
        Objects.requireNonNull(value, name);
        if (value.length != LENGTH) {
            throw new IllegalArgumentException(name + " must have " + LENGTH + " bytes, has " + value.length);
        }
    }
}
