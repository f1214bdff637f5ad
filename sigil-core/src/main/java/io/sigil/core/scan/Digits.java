package io.sigil.core.scan;

/** Small helpers shared by the check-digit validators: digit extraction and date plausibility. */
final class Digits {

    private Digits() {}

    /** The ASCII digits of the value with spaces, dots, hyphens and slashes dropped; "" if anything else occurs. */
    static String of(String value) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '/') {
                return "";
            }
        }
        return digits.toString();
    }

    /** The value with spaces, dots, hyphens and slashes dropped, upper-cased. */
    static String compact(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' && c != '-' && c != '.' && c != '/') {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    static int at(String digits, int index) {
        return digits.charAt(index) - '0';
    }

    static int number(String digits, int from, int to) {
        return Integer.parseInt(digits.substring(from, to));
    }

    static boolean allDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether day and month form a calendar date in some year (29 February allowed). */
    static boolean plausibleDate(int month, int day) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        int[] days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        return day <= days[month - 1];
    }

    /** Luhn mod-10 over a digit string of any length. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = at(digits, i);
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** The value of a long decimal string modulo m, without overflow. */
    static int mod(String digits, int m) {
        int remainder = 0;
        for (int i = 0; i < digits.length(); i++) {
            remainder = (remainder * 10 + at(digits, i)) % m;
        }
        return remainder;
    }
}
