package io.sigil.core.scan;

import java.util.Set;

/** Check-digit validators for health identifiers: German KVNR, US NPI and DEA numbers, UK NHS numbers. */
final class HealthIds {

    /** ISO 3166 numeric codes of the EU, EEA, Switzerland and the UK, whose cards carry them. */
    private static final Set<String> EHIC_COUNTRIES = Set.of(
            "040", "056", "100", "191", "196", "203", "208", "233", "246", "250", "276", "300", "348", "352", "372",
            "380", "428", "438", "440", "442", "470", "528", "578", "616", "620", "642", "703", "705", "724", "752",
            "756", "826");

    private HealthIds() {}

    /**
     * German Krankenversichertennummer: a letter and nine digits. The letter becomes two digits (A=01 ..
     * Z=26); with the first eight digits they are weighted 1,2,1,2,..., products summed by their digits,
     * and the sum mod 10 is the last digit.
     */
    static boolean deKvnr(String value) {
        String c = Digits.compact(value);
        if (c.length() != 10 || c.charAt(0) < 'A' || c.charAt(0) > 'Z' || !Digits.allDigits(c.substring(1))) {
            return false;
        }
        String digits = String.format("%02d", c.charAt(0) - 'A' + 1) + c.substring(1, 9);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int product = Digits.at(digits, i) * (i % 2 == 0 ? 1 : 2);
            sum += product / 10 + product % 10;
        }
        return sum % 10 == Digits.at(c, 9);
    }

    /** US National Provider Identifier: 10 digits starting 1 or 2, Luhn over the number prefixed by 80840. */
    static boolean usNpi(String value) {
        String d = Digits.of(value);
        return d.length() == 10 && (d.charAt(0) == '1' || d.charAt(0) == '2') && Digits.luhn("80840" + d);
    }

    /** US DEA registration number: two letters and seven digits, the last being the DEA checksum. */
    static boolean usDea(String value) {
        String c = Digits.compact(value);
        if (c.length() != 9 || "ABCDEFGHJKLMPRSTUX".indexOf(c.charAt(0)) < 0 || !Digits.allDigits(c.substring(2))) {
            return false;
        }
        String d = c.substring(2);
        int sum = Digits.at(d, 0)
                + Digits.at(d, 2)
                + Digits.at(d, 4)
                + 2 * (Digits.at(d, 1) + Digits.at(d, 3) + Digits.at(d, 5));
        return sum % 10 == Digits.at(d, 6);
    }

    /** UK NHS number: 10 digits, weights 10..2 over the first nine, check = 11 - sum mod 11 (10 invalid). */
    static boolean ukNhs(String value) {
        String d = Digits.of(value);
        if (d.length() != 10 || d.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (10 - i) * Digits.at(d, i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == Digits.at(d, 9);
    }

    /** EHIC card number: 20 digits, ISO 7812 health prefix 80 and the numeric code of an EHIC country. */
    static boolean ehicCard(String value) {
        String d = Digits.of(value);
        return d.length() == 20 && d.startsWith("80") && EHIC_COUNTRIES.contains(d.substring(2, 5));
    }
}
