package io.sigil.core.scan;

import com.google.re2j.Pattern;
import java.util.Set;

/**
 * Check-digit validators for national identity numbers. Each follows the issuing authority's published
 * algorithm; separators ({@code space . - /}) are ignored where the format allows them.
 */
final class NationalIds {

    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final String HETU_CHECKS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final int[] CF_ODD = {
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
    };

    private NationalIds() {}

    /** US SSN: 9 digits; area not 000, 666 or 9xx; group not 00; serial not 0000. */
    static boolean usSsn(String value) {
        String d = Digits.of(value);
        if (d.length() != 9) {
            return false;
        }
        int area = Digits.number(d, 0, 3);
        return area != 0
                && area != 666
                && area < 900
                && Digits.number(d, 3, 5) != 0
                && Digits.number(d, 5, 9) != 0
                && !d.equals("123456789")
                && d.chars().distinct().count() > 1;
    }

    /** Two-digit EIN prefixes the IRS has never assigned to a campus (its published prefix list). */
    private static final Set<Integer> EIN_UNASSIGNED =
            Set.of(0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97);

    /** US EIN: 9 digits, a prefix the IRS assigns, and not one digit repeated. */
    static boolean usEin(String value) {
        String d = Digits.of(value);
        return d.length() == 9
                && !EIN_UNASSIGNED.contains(Digits.number(d, 0, 2))
                && d.chars().distinct().count() > 2
                && !"0123456789".contains(d);
    }

    /**
     * A passport number found by its context word: 6..12 letters and digits with at least two digits, not one
     * char repeated.
     */
    static boolean passportNumber(String value) {
        long digits = value.chars().filter(c -> c >= '0' && c <= '9').count();
        return value.length() >= 6
                && value.length() <= 12
                && digits >= 2
                && value.chars().distinct().count() > 2;
    }

    /**
     * German tax id (Steuerliche Identifikationsnummer): 11 digits, no leading zero, in the first ten
     * exactly one digit repeated (twice or three times), ISO 7064 MOD 11,10 check digit.
     */
    static boolean deTaxId(String value) {
        String d = Digits.of(value);
        if (d.length() != 11 || d.charAt(0) == '0') {
            return false;
        }
        int[] counts = new int[10];
        for (int i = 0; i < 10; i++) {
            counts[Digits.at(d, i)]++;
        }
        int repeated = 0;
        for (int count : counts) {
            if (count > 3) {
                return false;
            }
            if (count > 1) {
                repeated++;
            }
        }
        if (repeated != 1) {
            return false;
        }
        int product = 10;
        for (int i = 0; i < 10; i++) {
            int sum = (Digits.at(d, i) + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        return (check == 10 ? 0 : check) == Digits.at(d, 10);
    }

    /**
     * French NIR (numéro de sécurité sociale): sex, year, month, department (2A/2B for Corsica), commune,
     * order and a key of 97 minus the number mod 97.
     */
    static boolean frNir(String value) {
        String c = Digits.compact(value);
        if (c.length() != 15) {
            return false;
        }
        String body = c.substring(0, 13);
        long offset = 0;
        if (body.substring(5, 7).equals("2A")) {
            body = body.substring(0, 5) + "19" + body.substring(7);
            offset = 1_000_000;
        } else if (body.substring(5, 7).equals("2B")) {
            body = body.substring(0, 5) + "18" + body.substring(7);
            offset = 2_000_000;
        }
        if (!Digits.allDigits(body) || !Digits.allDigits(c.substring(13))) {
            return false;
        }
        int sex = Digits.at(body, 0);
        int month = Digits.number(body, 3, 5);
        if ((sex != 1 && sex != 2 && sex != 3 && sex != 4 && sex != 7 && sex != 8)
                || month < 1
                || (month > 12 && month < 20)) {
            return false;
        }
        long number = Long.parseLong(body) - offset;
        return 97 - (number % 97) == Integer.parseInt(c.substring(13));
    }

    /** Italian codice fiscale: 16 chars whose last is the check letter over the odd/even position tables. */
    static boolean itFiscalCode(String value) {
        String c = Digits.compact(value);
        if (c.length() != 16) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char ch = c.charAt(i);
            int index = ch >= '0' && ch <= '9' ? ch - '0' : ch - 'A';
            if (index < 0 || index > 25) {
                return false;
            }
            sum += (i % 2 == 0) ? CF_ODD[index] : index;
        }
        return c.charAt(15) == (char) ('A' + sum % 26);
    }

    /** Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter): letter = number mod 23. */
    static boolean esDniNie(String value) {
        String c = Digits.compact(value);
        if (c.length() != 9) {
            return false;
        }
        String digits =
                switch (c.charAt(0)) {
                    case 'X' -> "0" + c.substring(1, 8);
                    case 'Y' -> "1" + c.substring(1, 8);
                    case 'Z' -> "2" + c.substring(1, 8);
                    default -> c.substring(0, 8);
                };
        if (!Digits.allDigits(digits)) {
            return false;
        }
        return c.charAt(8) == DNI_LETTERS.charAt(Integer.parseInt(digits) % 23);
    }

    /** Dutch BSN: 9 digits passing the "elfproef" (weights 9..2 and -1). */
    static boolean nlBsn(String value) {
        String d = Digits.of(value);
        if (d.length() != 9 || d.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * Digits.at(d, i);
        }
        sum -= Digits.at(d, 8);
        return sum % 11 == 0;
    }

    /** Polish PESEL: 11 digits, a real birth date (century in the month) and the 1-3-7-9 checksum. */
    static boolean plPesel(String value) {
        String d = Digits.of(value);
        if (d.length() != 11) {
            return false;
        }
        int month = Digits.number(d, 2, 4) % 20;
        if (!Digits.plausibleDate(month, Digits.number(d, 4, 6))) {
            return false;
        }
        int[] weights = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += weights[i] * Digits.at(d, i);
        }
        return (10 - sum % 10) % 10 == Digits.at(d, 10);
    }

    /**
     * Swedish personnummer or samordningsnummer (day + 60): YYMMDD or YYYYMMDD, separator - or +, four
     * digits whose last is the Luhn check over the ten-digit form.
     */
    static boolean sePersonnummer(String value) {
        String d = value.replace("-", "").replace("+", "").replace(" ", "");
        if (!Digits.allDigits(d) || (d.length() != 10 && d.length() != 12)) {
            return false;
        }
        if (d.length() == 12) {
            d = d.substring(2);
        }
        int day = Digits.number(d, 4, 6);
        return Digits.plausibleDate(Digits.number(d, 2, 4), day > 60 ? day - 60 : day) && Digits.luhn(d);
    }

    /** Finnish henkilötunnus: DDMMYY, century sign, three digits and the mod-31 check char. */
    static boolean fiHetu(String value) {
        if (value.length() != 11) {
            return false;
        }
        String digits = value.substring(0, 6) + value.substring(7, 10);
        if (!Digits.allDigits(digits) || "+-ABCDEFUVWXY".indexOf(value.charAt(6)) < 0) {
            return false;
        }
        if (!Digits.plausibleDate(Digits.number(digits, 2, 4), Digits.number(digits, 0, 2))) {
            return false;
        }
        return value.charAt(10) == HETU_CHECKS.charAt(Integer.parseInt(digits) % 31);
    }

    /** Belgian national register number: YYMMDD SSS CC, CC = 97 - (number mod 97), 2000s with a leading 2. */
    static boolean beNationalNumber(String value) {
        String d = Digits.of(value);
        if (d.length() != 11) {
            return false;
        }
        int check = Digits.number(d, 9, 11);
        long body = Long.parseLong(d.substring(0, 9));
        return 97 - body % 97 == check || 97 - (2_000_000_000L + body) % 97 == check;
    }

    /** Austrian social insurance number: NNN C DDMMYY with the weighted mod-11 check digit C. */
    static boolean atSvnr(String value) {
        String d = Digits.of(value);
        if (d.length() != 10 || d.charAt(0) == '0') {
            return false;
        }
        int[] weights = {3, 7, 9, 0, 5, 8, 4, 2, 1, 6};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += weights[i] * Digits.at(d, i);
        }
        int check = sum % 11;
        return check != 10 && check == Digits.at(d, 3);
    }

    /** Portuguese NIF: 9 digits, a known first digit, mod-11 check digit. */
    static boolean ptNif(String value) {
        String d = Digits.of(value);
        if (d.length() != 9 || "1235689".indexOf(d.charAt(0)) < 0) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * Digits.at(d, i);
        }
        int check = 11 - sum % 11;
        return (check >= 10 ? 0 : check) == Digits.at(d, 8);
    }

    /** Romanian CNP: 13 digits, a plausible birth date and the 279146358279 weighted check digit. */
    static boolean roCnp(String value) {
        String d = Digits.of(value);
        if (d.length() != 13 || d.charAt(0) == '0') {
            return false;
        }
        if (!Digits.plausibleDate(Digits.number(d, 3, 5), Digits.number(d, 5, 7))) {
            return false;
        }
        String weights = "279146358279";
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (weights.charAt(i) - '0') * Digits.at(d, i);
        }
        int check = sum % 11;
        return (check == 10 ? 1 : check) == Digits.at(d, 12);
    }

    /** Irish PPS number: 7 digits, a mod-23 check letter, and an optional second letter (A, B, H, W). */
    static boolean iePps(String value) {
        String c = Digits.compact(value);
        if (c.length() < 8 || c.length() > 9 || !Digits.allDigits(c.substring(0, 7))) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (8 - i) * Digits.at(c, i);
        }
        if (c.length() == 9) {
            char second = c.charAt(8);
            if ("ABHW".indexOf(second) < 0) {
                return false;
            }
            sum += 9 * (second == 'W' ? 0 : second - 'A' + 1);
        }
        int check = sum % 23;
        return c.charAt(7) == (check == 0 ? 'W' : (char) ('A' + check - 1));
    }

    /** Swiss AHV/AVS number: 756, ten digits and an EAN-13 check digit. */
    static boolean chAhv(String value) {
        String d = Digits.of(value);
        if (d.length() != 13 || !d.startsWith("756")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += Digits.at(d, i) * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == Digits.at(d, 12);
    }

    /** Danish CPR number: DDMMYY-SSSS with a real date (the mod-11 check was dropped in 2007). */
    static boolean dkCpr(String value) {
        String d = Digits.of(value);
        return d.length() == 10
                && Digits.plausibleDate(Digits.number(d, 2, 4), Digits.number(d, 0, 2))
                && d.chars().distinct().count() > 2;
    }

    /**
     * Czech (and Slovak) birth number (rodné číslo): {@code YYMMDD/SSSC}, the month plus 50 for women (plus 20 or 70
     * since 2004), a real date, and the ten digits divisible by 11 (or a remainder of 10 with a check digit of 0,
     * issued until 1985). The nine-digit form of births before 1954 has no check digit and is not accepted.
     */
    static boolean czBirthNumber(String value) {
        String d = Digits.of(value);
        if (d.length() != 10) {
            return false;
        }
        int month = Digits.number(d, 2, 4);
        month = month > 70 ? month - 70 : month > 50 ? month - 50 : month > 20 ? month - 20 : month;
        if (!Digits.plausibleDate(month, Digits.number(d, 4, 6))) {
            return false;
        }
        long number = Long.parseLong(d);
        long remainder = Long.parseLong(d.substring(0, 9)) % 11;
        return number % 11 == 0 || (remainder == 10 && d.charAt(9) == '0');
    }

    /**
     * The second line of a passport's machine-readable zone (ICAO 9303 TD3, 44 chars): the check digits of the
     * document number, the birth date and the expiry date must hold (weights 7, 3, 1; letters count 10 to 35, the
     * filler {@code <} 0).
     */
    static boolean mrzPassportLine(String value) {
        return value.length() == 44
                && mrzCheck(value, 0, 9) == value.charAt(9) - '0'
                && mrzCheck(value, 13, 19) == value.charAt(19) - '0'
                && mrzCheck(value, 21, 27) == value.charAt(27) - '0';
    }

    private static int mrzCheck(String value, int from, int to) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0;
            sum += v * weights[(i - from) % 3];
        }
        return sum % 10;
    }

    /** The shape of a UK National Insurance number, compact: two letters, six digits, a suffix A to D. */
    private static final Pattern NINO_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{6}[A-D]");

    /**
     * A value that a key names as a national id ({@code "national_id": …}, {@code id_number: …}): accepted when the
     * check digits of one of the ids above hold, or when it has the shape of a UK National Insurance number.
     */
    static boolean anyNationalId(String value) {
        String compact = Digits.compact(value);
        if (compact.length() < 7 || compact.length() > 16) {
            return false;
        }
        if (NINO_SHAPE.matches(compact)) {
            return ContactIds.ukNino(compact);
        }
        if (compact.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return deTaxId(compact)
                    || frNir(compact)
                    || nlBsn(compact)
                    || plPesel(compact)
                    || sePersonnummer(compact)
                    || dkCpr(compact)
                    || beNationalNumber(compact)
                    || atSvnr(compact)
                    || roCnp(compact)
                    || chAhv(compact)
                    || czBirthNumber(compact);
        }
        return frNir(value) || itFiscalCode(compact) || esDniNie(value) || fiHetu(value) || iePps(compact);
    }
}
