package io.sigil.core.scan;

import java.util.Locale;
import java.util.Set;

/** Plausibility checks for contact and generic identifiers: email addresses, phone numbers, BIC codes. */
final class ContactIds {

    /** Top-level "domains" that are really file extensions ({@code logo@2x.png}, {@code icon@3x.webp}). */
    private static final Set<String> FILE_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "js", "mjs", "ts", "css", "scss", "map", "json", "html",
            "xml", "yaml", "yml", "md", "txt", "py", "java", "kt", "rb", "go", "rs", "lock", "tgz", "zip", "jar");

    /** ISO 3166-1 alpha-2 codes, plus XK (Kosovo), which BIC codes use. */
    private static final String COUNTRIES =
            "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL"
                    + " BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO"
                    + " DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM"
                    + " HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR"
                    + " LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL"
                    + " NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ"
                    + " SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA"
                    + " VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

    private ContactIds() {}

    /** An address whose domain ends in a real-looking TLD, not a file extension, and not an SSH remote. */
    static boolean email(String value) {
        int at = value.lastIndexOf('@');
        int dot = value.lastIndexOf('.');
        if (at <= 0 || dot < at) {
            return false;
        }
        String local = value.substring(0, at).toLowerCase(Locale.ROOT);
        String tld = value.substring(dot + 1).toLowerCase(Locale.ROOT);
        return !FILE_EXTENSIONS.contains(tld) && !local.equals("git") && TokenChecks.notPlaceholderEmail(local);
    }

    /** A phone number: 8..15 digits (E.164 allows at most 15), not one repeated digit nor a plain sequence. */
    static boolean phone(String value) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        String d = digits.toString();
        if (value.startsWith("+1") || value.startsWith("+7")) {
            return d.length() == 11 && d.chars().distinct().count() > 2; // NANP and +7: ten national digits
        }
        return d.length() >= 8
                && d.length() <= 15
                && d.chars().distinct().count() > 2
                && !"0123456789".contains(d)
                && !"1234567890".contains(d);
    }

    /** A BIC (ISO 9362) whose country part is a real country code. */
    static boolean bic(String value) {
        return (value.length() == 8 || value.length() == 11)
                && COUNTRIES.contains(value.substring(4, 6))
                && value.substring(4, 6).chars().allMatch(Character::isUpperCase);
    }

    /** UK National Insurance number: the prefixes HMRC never issues are refused. */
    static boolean ukNino(String value) {
        String c = Digits.compact(value);
        String prefix = c.substring(0, 2);
        return c.length() == 9
                && !Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ").contains(prefix);
    }
}
