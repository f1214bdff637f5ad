package io.sigil.ledger;

import java.time.Month;
import java.time.Year;

/**
 * Recognizes, without parsing, the instants {@code Instant.toString()} writes ({@code yyyy-MM-ddTHH:mm:ss[.f]Z} with
 * 1–9 fraction digits): every such text is one {@code Instant.parse} accepts, so the reader may skip the parse. Any
 * other form is left to {@code Instant.parse}.
 */
final class PlainInstants {
    private PlainInstants() {}

    static boolean isPlain(byte[] b, int length) {
        if (length < 20 || length > 30 || b[length - 1] != 'Z') {
            return false;
        }
        if (b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':') {
            return false;
        }
        if (length > 20 && (b[19] != '.' || length == 21)) {
            return false;
        }
        for (int i = 19 + 1; i < length - 1; i++) {
            if (!digit(b[i])) {
                return false;
            }
        }
        int year = number(b, 0, 4);
        int month = number(b, 5, 2);
        int day = number(b, 8, 2);
        int hour = number(b, 11, 2);
        int minute = number(b, 14, 2);
        int second = number(b, 17, 2);
        return year >= 0
                && month >= 1
                && month <= 12
                && day >= 1
                && day <= Month.of(month).length(Year.isLeap(year))
                && hour >= 0
                && hour <= 23
                && minute >= 0
                && minute <= 59
                && second >= 0
                && second <= 59;
    }

    /** The decimal number in {@code b[from, from + count)}, -1 if a byte is not a digit. */
    private static int number(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            if (!digit(b[i])) {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }
}
