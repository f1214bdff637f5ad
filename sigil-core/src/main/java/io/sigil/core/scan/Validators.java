package io.sigil.core.scan;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

/**
 * The code half of the detector packs: checks that a regex match is structurally real (checksums, number
 * ranges, randomness). Packs refer to them by name, e.g. {@code luhn} or {@code entropy:3.5}. All are pure.
 */
public final class Validators {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** IBAN length per country (ISO 13616 registry, including partner countries). */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24),
            Map.entry("AE", 23),
            Map.entry("AL", 28),
            Map.entry("AT", 20),
            Map.entry("AZ", 28),
            Map.entry("BA", 20),
            Map.entry("BE", 16),
            Map.entry("BG", 22),
            Map.entry("BH", 22),
            Map.entry("BI", 27),
            Map.entry("BR", 29),
            Map.entry("BY", 28),
            Map.entry("CH", 21),
            Map.entry("CR", 22),
            Map.entry("CY", 28),
            Map.entry("CZ", 24),
            Map.entry("DE", 22),
            Map.entry("DJ", 27),
            Map.entry("DK", 18),
            Map.entry("DO", 28),
            Map.entry("EE", 20),
            Map.entry("EG", 29),
            Map.entry("ES", 24),
            Map.entry("FI", 18),
            Map.entry("FK", 18),
            Map.entry("FO", 18),
            Map.entry("FR", 27),
            Map.entry("GB", 22),
            Map.entry("GE", 22),
            Map.entry("GI", 23),
            Map.entry("GL", 18),
            Map.entry("GR", 27),
            Map.entry("GT", 28),
            Map.entry("HR", 21),
            Map.entry("HU", 28),
            Map.entry("IE", 22),
            Map.entry("IL", 23),
            Map.entry("IQ", 23),
            Map.entry("IS", 26),
            Map.entry("IT", 27),
            Map.entry("JO", 30),
            Map.entry("KW", 30),
            Map.entry("KZ", 20),
            Map.entry("LB", 28),
            Map.entry("LC", 32),
            Map.entry("LI", 21),
            Map.entry("LT", 20),
            Map.entry("LU", 20),
            Map.entry("LV", 21),
            Map.entry("LY", 25),
            Map.entry("MC", 27),
            Map.entry("MD", 24),
            Map.entry("ME", 22),
            Map.entry("MK", 19),
            Map.entry("MN", 20),
            Map.entry("MR", 27),
            Map.entry("MT", 31),
            Map.entry("MU", 30),
            Map.entry("NI", 28),
            Map.entry("NL", 18),
            Map.entry("NO", 15),
            Map.entry("OM", 23),
            Map.entry("PK", 24),
            Map.entry("PL", 28),
            Map.entry("PS", 29),
            Map.entry("PT", 25),
            Map.entry("QA", 29),
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
            Map.entry("SO", 23),
            Map.entry("ST", 25),
            Map.entry("SV", 28),
            Map.entry("TL", 23),
            Map.entry("TN", 24),
            Map.entry("TR", 26),
            Map.entry("UA", 29),
            Map.entry("VA", 22),
            Map.entry("VG", 24),
            Map.entry("XK", 20),
            Map.entry("YE", 30));

    private static final Set<String> NAMES = Set.of("luhn", "iban", "githubToken", "entropy", "usSsn");

    private Validators() {}

    /**
     * Resolves a validator spec ({@code name} or {@code name:argument}).
     *
     * @throws IllegalArgumentException if the name is unknown or the argument malformed
     */
    public static Predicate<String> resolve(String spec) {
        if (spec == null || spec.isBlank()) {
            return value -> true;
        }
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String argument = colon < 0 ? null : spec.substring(colon + 1);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown validator '" + name + "', known: " + NAMES);
        }
        if (name.equals("entropy")) {
            double min;
            try {
                min = Double.parseDouble(argument);
            } catch (NullPointerException | NumberFormatException e) {
                throw new IllegalArgumentException("validator 'entropy' needs bits per char, e.g. entropy:3.5");
            }
            return value -> entropy(value) >= min;
        }
        if (argument != null) {
            throw new IllegalArgumentException("validator '" + name + "' takes no argument");
        }
        return switch (name) {
            case "luhn" -> Validators::luhn;
            case "iban" -> Validators::iban;
            case "githubToken" -> Validators::githubToken;
            default -> Validators::usSsn;
        };
    }

    /** Luhn mod-10 over the digits of the value (separators ignored); needs 12..19 digits. */
    public static boolean luhn(String value) {
        String digits = digitsOf(value);
        if (digits.length() < 12 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
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

    /**
     * IBAN: known country, exact country length and mod-97 == 1 (ISO 7064). Spaces are ignored. A longer
     * value is cut to the country length first, because the pack's pattern may swallow a following
     * upper-case word that looks like one more group.
     */
    public static boolean iban(String value) {
        String compact = value.replace(" ", "").toUpperCase(Locale.ROOT);
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

    /**
     * GitHub token ({@code ghp_}, {@code gho_}, ...): 30 base62 chars of body followed by the CRC32 of the
     * body, base62-encoded and left-padded to 6 chars. Kills most random look-alikes.
     */
    public static boolean githubToken(String value) {
        int underscore = value.indexOf('_');
        String rest = underscore < 0 ? value : value.substring(underscore + 1);
        if (rest.length() != 36) {
            return false;
        }
        for (int i = 0; i < rest.length(); i++) {
            if (BASE62.indexOf(rest.charAt(i)) < 0) {
                return false;
            }
        }
        String body = rest.substring(0, 30);
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return base62(crc.getValue(), 6).equals(rest.substring(30));
    }

    /** Base62 ({@code 0-9A-Za-z}), left-padded with {@code 0} to the given width. */
    public static String base62(long value, int width) {
        StringBuilder out = new StringBuilder();
        long v = value;
        while (v > 0) {
            out.append(BASE62.charAt((int) (v % 62)));
            v /= 62;
        }
        while (out.length() < width) {
            out.append('0');
        }
        return out.reverse().toString();
    }

    /** Shannon entropy of the value's chars, in bits per char. */
    public static double entropy(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        Map<Integer, Long> counts = value.chars().boxed().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        double bits = 0;
        for (long count : counts.values()) {
            double p = (double) count / value.length();
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }

    /** US SSN: 9 digits; area not 000, 666 or 9xx; group not 00; serial not 0000. */
    public static boolean usSsn(String value) {
        String digits = digitsOf(value);
        if (digits.length() != 9) {
            return false;
        }
        int area = Integer.parseInt(digits.substring(0, 3));
        int group = Integer.parseInt(digits.substring(3, 5));
        int serial = Integer.parseInt(digits.substring(5));
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }

    private static String digitsOf(String value) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-') {
                return "";
            }
        }
        return digits.toString();
    }
}
