package io.sigil.demo.tools;

import java.math.BigInteger;
import java.util.Locale;

/** ISO 13616 IBAN arithmetic (mod-97 check digits) for the demo's fake account numbers. */
public final class FakeIban {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    /** The standard documentation example IBAN (checksum-valid, belongs to no one). */
    public static final String DOCUMENTATION_EXAMPLE = "DE89 3704 0044 0532 0130 00";

    /** A made-up German bank code (BLZ) for the computed IBAN; not a real institution's code. */
    public static final String FAKE_BANK_CODE = "99912345";

    /** A made-up account number for the computed IBAN. */
    public static final String FAKE_ACCOUNT = "0000424242";

    /** DE + mod-97 check digits computed at class load + {@link #FAKE_BANK_CODE} + {@link #FAKE_ACCOUNT}, printed in groups of four. */
    public static final String COMPUTED = format(compute("DE", FAKE_BANK_CODE + FAKE_ACCOUNT));

    private FakeIban() {}

    /** Builds an electronic-format IBAN (no spaces) from a country code and BBAN, computing the check digits. */
    public static String compute(String countryCode, String bban) {
        String country = countryCode.toUpperCase(Locale.ROOT);
        String basic = bban.toUpperCase(Locale.ROOT);
        int remainder = mod97(basic + country + "00");
        int check = 98 - remainder;
        return country + (check < 10 ? "0" : "") + check + basic;
    }

    /** True when the IBAN (spaces allowed) has a valid ISO 13616 mod-97 checksum. */
    public static boolean isValid(String iban) {
        String compact = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 5 || compact.length() > 34 || !compact.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+")) {
            return false;
        }
        return mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
    }

    /** Prints an IBAN in the usual groups of four characters. */
    public static String format(String iban) {
        String compact = iban.replace(" ", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(compact, i, Math.min(i + 4, compact.length()));
        }
        return out.toString();
    }

    private static int mod97(String rearranged) {
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.getNumericValue(c));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
