package io.sigil.core.scan;

import java.util.Locale;
import java.util.Map;

/** Check-digit and structure validators for financial identifiers: IBAN, payment cards, ABA routing numbers. */
final class FinancialIds {

    /**
     * IBAN length per country: the ISO 13616 registry, plus the countries that issue IBAN-format numbers
     * outside it (mostly in francophone Africa) and the French overseas codes some banks print instead of FR.
     */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24),
            Map.entry("AE", 23),
            Map.entry("AL", 28),
            Map.entry("AO", 25),
            Map.entry("AT", 20),
            Map.entry("AZ", 28),
            Map.entry("BA", 20),
            Map.entry("BE", 16),
            Map.entry("BF", 28),
            Map.entry("BG", 22),
            Map.entry("BH", 22),
            Map.entry("BI", 27),
            Map.entry("BJ", 28),
            Map.entry("BL", 27),
            Map.entry("BR", 29),
            Map.entry("BY", 28),
            Map.entry("CF", 27),
            Map.entry("CG", 27),
            Map.entry("CH", 21),
            Map.entry("CI", 28),
            Map.entry("CM", 27),
            Map.entry("CR", 22),
            Map.entry("CV", 25),
            Map.entry("CY", 28),
            Map.entry("CZ", 24),
            Map.entry("DE", 22),
            Map.entry("DJ", 27),
            Map.entry("DK", 18),
            Map.entry("DO", 28),
            Map.entry("DZ", 26),
            Map.entry("EE", 20),
            Map.entry("EG", 29),
            Map.entry("ES", 24),
            Map.entry("FI", 18),
            Map.entry("FK", 18),
            Map.entry("FO", 18),
            Map.entry("FR", 27),
            Map.entry("GA", 27),
            Map.entry("GB", 22),
            Map.entry("GE", 22),
            Map.entry("GF", 27),
            Map.entry("GI", 23),
            Map.entry("GL", 18),
            Map.entry("GP", 27),
            Map.entry("GQ", 27),
            Map.entry("GR", 27),
            Map.entry("GT", 28),
            Map.entry("GW", 25),
            Map.entry("HN", 28),
            Map.entry("HR", 21),
            Map.entry("HU", 28),
            Map.entry("IE", 22),
            Map.entry("IL", 23),
            Map.entry("IQ", 23),
            Map.entry("IR", 26),
            Map.entry("IS", 26),
            Map.entry("IT", 27),
            Map.entry("JO", 30),
            Map.entry("KM", 27),
            Map.entry("KW", 30),
            Map.entry("KZ", 20),
            Map.entry("LB", 28),
            Map.entry("LC", 32),
            Map.entry("LI", 21),
            Map.entry("LT", 20),
            Map.entry("LU", 20),
            Map.entry("LV", 21),
            Map.entry("LY", 25),
            Map.entry("MA", 28),
            Map.entry("MC", 27),
            Map.entry("MD", 24),
            Map.entry("ME", 22),
            Map.entry("MF", 27),
            Map.entry("MG", 27),
            Map.entry("MK", 19),
            Map.entry("ML", 28),
            Map.entry("MN", 20),
            Map.entry("MQ", 27),
            Map.entry("MR", 27),
            Map.entry("MT", 31),
            Map.entry("MU", 30),
            Map.entry("MZ", 25),
            Map.entry("NC", 27),
            Map.entry("NE", 28),
            Map.entry("NI", 28),
            Map.entry("NL", 18),
            Map.entry("NO", 15),
            Map.entry("OM", 23),
            Map.entry("PF", 27),
            Map.entry("PK", 24),
            Map.entry("PL", 28),
            Map.entry("PM", 27),
            Map.entry("PS", 29),
            Map.entry("PT", 25),
            Map.entry("QA", 29),
            Map.entry("RE", 27),
            Map.entry("RO", 24),
            Map.entry("RS", 22),
            Map.entry("RU", 33),
            Map.entry("SA", 24),
            Map.entry("SC", 31),
            Map.entry("SD", 18),
            Map.entry("SE", 24),
            Map.entry("SI", 19),
            Map.entry("SK", 24),
            Map.entry("SM", 27),
            Map.entry("SN", 28),
            Map.entry("SO", 23),
            Map.entry("ST", 25),
            Map.entry("SV", 28),
            Map.entry("TD", 27),
            Map.entry("TF", 27),
            Map.entry("TG", 28),
            Map.entry("TL", 23),
            Map.entry("TN", 24),
            Map.entry("TR", 26),
            Map.entry("UA", 29),
            Map.entry("VA", 22),
            Map.entry("VG", 24),
            Map.entry("WF", 27),
            Map.entry("XK", 20),
            Map.entry("YE", 30),
            Map.entry("YT", 27));

    private FinancialIds() {}

    /** Luhn mod-10 over the digits of the value (separators ignored); needs 12..19 digits. */
    static boolean luhn(String value) {
        String digits = Digits.of(value);
        return digits.length() >= 12 && digits.length() <= 19 && Digits.luhn(digits);
    }

    /**
     * IBAN: known country, exact country length and mod-97 == 1 (ISO 7064). Spaces, hyphens and dots are
     * ignored. A longer value is cut to the country length first, because the pattern may swallow a
     * following upper-case word that looks like one more group.
     */
    static boolean iban(String value) {
        String compact = Digits.compact(value).toUpperCase(Locale.ROOT);
        if (compact.length() < 4) {
            return false;
        }
        Integer length = IBAN_LENGTHS.get(compact.substring(0, 2));
        if (length == null || compact.length() < length) {
            return false;
        }
        compact = compact.substring(0, length);
        if (!Character.isDigit(compact.charAt(2)) || !Character.isDigit(compact.charAt(3))) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                v = c - 'A' + 10;
            } else {
                return false;
            }
            remainder = (v < 10 ? remainder * 10 + v : remainder * 100 + v) % 97;
        }
        return remainder == 1;
    }

    /** Whether the country code has a registered IBAN format. */
    static boolean ibanCountry(String code) {
        return IBAN_LENGTHS.containsKey(code);
    }

    /**
     * Payment card: Luhn, and a length that the brand of its issuer prefix uses (Visa, Mastercard, Amex,
     * Discover, Diners, JCB, UnionPay, Maestro, Mir). Numbers of one repeated digit are never cards.
     */
    static boolean paymentCard(String value) {
        String d = Digits.of(value);
        int n = d.length();
        if (n < 12 || n > 19 || !Digits.luhn(d) || d.chars().distinct().count() == 1) {
            return false;
        }
        int p2 = Digits.number(d, 0, 2);
        int p3 = Digits.number(d, 0, 3);
        int p4 = Digits.number(d, 0, 4);
        int p6 = Digits.number(d, 0, 6);
        if (d.charAt(0) == '4') {
            return n == 13 || n == 16 || n == 19;
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            return n == 16;
        }
        if (p2 == 34 || p2 == 37) {
            return n == 15;
        }
        if (p4 >= 2200 && p4 <= 2204) {
            return n >= 16;
        }
        if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) {
            return n >= 16;
        }
        if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39 || p4 == 3095) {
            return n >= 14;
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return n >= 16;
        }
        if (p2 == 62 || p2 == 81) {
            return n >= 16;
        }
        return p2 == 50 || (p2 >= 56 && p2 <= 69);
    }

    /**
     * A bank account number found by its context word: 6..17 digits, not one digit repeated, not a plain
     * ascending or descending run.
     */
    static boolean bankAccount(String value) {
        String d = Digits.of(value);
        return d.length() >= 6
                && d.length() <= 17
                && d.chars().distinct().count() > 2
                && !"01234567890123456789".contains(d)
                && !"98765432109876543210".contains(d);
    }

    /** US ABA routing number: 9 digits, a Federal Reserve prefix and the 3-7-1 weighted checksum. */
    static boolean abaRouting(String value) {
        String d = Digits.of(value);
        if (d.length() != 9) {
            return false;
        }
        int prefix = Digits.number(d, 0, 2);
        boolean known =
                prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix == 80;
        if (!known || d.equals("000000000")) {
            return false;
        }
        int sum = 0;
        int[] weights = {3, 7, 1};
        for (int i = 0; i < 9; i++) {
            sum += weights[i % 3] * Digits.at(d, i);
        }
        return sum % 10 == 0;
    }
}
