package io.sigil.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** ECMAScript Number::toString (ECMA-262 §6.1.6.1.20) for finite doubles, the number form RFC 8785 prescribes. */
public final class JcsNumbers {
    private static final double TWO_POW_53 = 9007199254740992.0;
    private static final int MAX_SIGNIFICANT_DIGITS = 17;
    private static final int DBL_DIG = 15;

    private JcsNumbers() {}

    public static String toString(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("NaN and Infinity have no JSON form: " + value);
        }
        if (value == 0) {
            return "0"; // also -0
        }
        if (value < 0) {
            return "-" + toString(-value);
        }
        // Below 2^53 every integer is exact and its shortest digits are its decimal digits.
        if (value < TWO_POW_53 && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return layout(shortest(value));
    }

    /** The same digits found the slow way only; lets tests check the fast path against it. */
    static String toStringExhaustive(double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException("positive finite values only: " + value);
        }
        return layout(shortestRoundTrip(value));
    }

    private static BigDecimal shortest(double value) {
        if (value >= Double.MIN_NORMAL) {
            BigDecimal jdk = new BigDecimal(Double.toString(value)).stripTrailingZeros();
            // A normal double is the image of at most one decimal of 15 or fewer significant digits (DBL_DIG = 15),
            // so a round-tripping candidate that short is the shortest, and the only one of its length.
            if (jdk.precision() <= DBL_DIG && jdk.doubleValue() == value) {
                return jdk;
            }
        }
        return shortestRoundTrip(value);
    }

    /**
     * The decimal with the fewest significant digits that parses back to {@code value}; among equally short ones the
     * closest, and on a tie the one with an even last digit. Both neighbours at each precision are tried because next
     * to a power of two the rounding interval is lopsided, so the nearest candidate can miss where the other one hits
     * (RFC 8785 appendix B: 1e+23).
     */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        // Some p-digit decimal round-trips ⇒ some (p+1)-digit one does too, so the shortest length can be bisected.
        int low = 1;
        int high = MAX_SIGNIFICANT_DIGITS;
        BigDecimal best = candidate(exact, value, high);
        if (best == null) {
            throw new AssertionError("17 significant digits always round-trip a double: " + value);
        }
        while (low < high) {
            int mid = (low + high) >>> 1;
            BigDecimal found = candidate(exact, value, mid);
            if (found != null) {
                best = found;
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return best.stripTrailingZeros();
    }

    /** The closest {@code precision}-digit decimal that parses back to {@code value}, or null if none does. */
    private static BigDecimal candidate(BigDecimal exact, double value, int precision) {
        BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
        BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
        boolean downOk = down.doubleValue() == value;
        boolean upOk = up.doubleValue() == value;
        if (downOk && upOk) {
            int cmp = exact.subtract(down).compareTo(up.subtract(exact));
            if (cmp != 0) {
                return cmp < 0 ? down : up;
            }
            return down.unscaledValue().testBit(0) ? up : down;
        }
        return downOk ? down : upOk ? up : null;
    }

    /** Places digits s (k of them) with value s × 10^(n−k), following steps 6–10 of Number::toString. */
    private static String layout(BigDecimal decimal) {
        String s = decimal.unscaledValue().toString();
        int k = s.length();
        int n = k - decimal.scale();
        StringBuilder out = new StringBuilder(k + 8);
        if (k <= n && n <= 21) {
            out.append(s);
            out.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(s, 0, n).append('.').append(s, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(s);
        } else {
            int exponent = n - 1;
            out.append(s.charAt(0));
            if (k > 1) {
                out.append('.').append(s, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }
}
