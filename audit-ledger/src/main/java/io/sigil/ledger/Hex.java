package io.sigil.ledger;

/** Lower-case hexadecimal encoding and strict decoding of byte arrays. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < 16; i++) {
            VALUES["0123456789abcdef".charAt(i)] = (byte) i;
            VALUES["0123456789ABCDEF".charAt(i)] = (byte) i;
        }
    }

    private Hex() {}

    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** Accepts either case; rejects odd lengths and non-hex characters with IllegalArgumentException. */
    public static byte[] decode(CharSequence hex) {
        int length = hex.length();
        if (length % 2 != 0) {
            throw new IllegalArgumentException("hex string of odd length " + length);
        }
        byte[] out = new byte[length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((digit(hex, 2 * i) << 4) | digit(hex, 2 * i + 1));
        }
        return out;
    }

    private static int digit(CharSequence hex, int index) {
        char c = hex.charAt(index);
        int value = c < 128 ? VALUES[c] : -1;
        if (value < 0) {
            throw new IllegalArgumentException("not a hex digit at " + index + ": '" + hex.charAt(index) + "'");
        }
        return value;
    }
}
