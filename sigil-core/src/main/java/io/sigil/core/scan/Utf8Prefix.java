package io.sigil.core.scan;

/**
 * Tells whether some bytes can be the start of well-formed UTF-8, refusing only what every strict decoder
 * refuses (a continuation byte where a sequence must begin, a byte that never occurs, a sequence cut short
 * by a byte that does not continue it), so that a base64 token whose head fails is known not to decode.
 */
final class Utf8Prefix {

    private Utf8Prefix() {}

    /** False only when no bytes appended after these could make well-formed UTF-8. */
    static boolean mayStartValid(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length;
            if (b < 0x80) {
                length = 1;
            } else if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
            } else {
                return false; // a continuation byte as a lead, an overlong lead (C0, C1) or past U+10FFFF (F5..FF)
            }
            // The finer limits on the second byte (E0, ED, F0, F4) are left to the decoder: this only refuses
            // what is malformed under any reading.
            for (int k = 1; k < length && i + k < bytes.length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += length;
        }
        return true;
    }
}
