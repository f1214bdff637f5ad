package io.sigil.core.scan;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Validators for secrets: provider checksums (GitHub's CRC32), JWT headers, randomness (Shannon entropy)
 * and the placeholder test that keeps {@code YOUR_API_KEY}, {@code sk-xxxx} and {@code ${DB_PASSWORD}} out.
 */
final class TokenChecks {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** Substrings that mark a value as a stand-in written by a human, not a generated secret. */
    private static final String[] PLACEHOLDER_MARKERS = {
        "example",
        "your",
        "xxxx",
        "placeholder",
        "redacted",
        "dummy",
        "sample",
        "changeme",
        "change_me",
        "change-me",
        "insert",
        "replace",
        "<",
        ">",
        "${",
        "{{",
        "%(",
        "...",
        "todo",
        "fixme",
        "fake",
        "secret_here",
        "key_here",
        "token_here",
        "here_",
        "masked",
        "0000000",
        "1234567",
        "abcdefg",
        // Azurite's storage emulator key: published in Microsoft's documentation, the same on every machine.
        "eby8vdm02xnocqflquwjpllmetlcdxj1ouzft50usrz6ifsufq2uverc"
    };

    /** Extra markers for human-chosen values such as passwords, where "test" or "password" means a stand-in. */
    private static final String[] WEAK_MARKERS = {
        "test",
        "password",
        "passwd",
        "secret",
        "admin",
        "pass123",
        "qwerty",
        "letmein",
        "hunter2",
        "none",
        "null",
        "true",
        "false",
        "undefined",
        "string"
    };

    private static final String[] STOCK_CREDENTIALS = {
        "password",
        "passwd",
        "pass",
        "secret",
        "changeme",
        "user",
        "username",
        "admin",
        "root",
        "postgres",
        "mysql",
        "test",
        "guest",
        "pwd",
        "xxx",
        "xxxx",
        "****",
        "mypassword",
        "yourpassword",
        "pa55word",
        "p@ssw0rd",
        "password1",
        "password123",
        "default",
        "demo",
        "redis",
        "rabbitmq",
        "mongo"
    };

    /**
     * Prefixes of formats that a specific detector validates (or deliberately ignores, like Stripe test
     * and publishable keys): when that detector said no, a generic key=value detector must not say yes.
     */
    private static final String[] SPECIFIC_PREFIXES = {
        "ghp_",
        "gho_",
        "ghu_",
        "ghs_",
        "ghr_",
        "github_pat_",
        "sk_test_",
        "rk_test_",
        "pk_test_",
        "pk_live_",
        "eyJ",
        "AKIA",
        "xox",
        "glpat-",
        "sk-",
        "hf_",
        "npm_",
        "AIza",
        "SG."
    };

    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");
    private static final Pattern DOTTED_PATH =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)+");

    private TokenChecks() {}

    /**
     * GitHub token ({@code ghp_}, {@code gho_}, ...): 30 base62 chars of body followed by the CRC32 of the
     * body, base62-encoded and left-padded to 6 chars. Kills most random look-alikes.
     */
    static boolean githubToken(String value) {
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
        CRC32 crc = new CRC32();
        crc.update(rest.substring(0, 30).getBytes(StandardCharsets.US_ASCII));
        return base62(crc.getValue(), 6).equals(rest.substring(30));
    }

    /** Base62 ({@code 0-9A-Za-z}), left-padded with {@code 0} to the given width. */
    static String base62(long value, int width) {
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
    static double entropy(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < value.length(); i++) {
            counts.merge(value.charAt(i), 1, Integer::sum);
        }
        double bits = 0;
        double n = value.length();
        for (int count : counts.values()) {
            bits -= count / n * (Math.log(count / n) / Math.log(2));
        }
        return bits;
    }

    /** A key block with a real body: a run of at least 40 base64 chars, not {@code ...} or a placeholder. */
    static boolean keyBody(String value) {
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean base64 =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            run = base64 ? run + 1 : 0;
            if (run >= 40) {
                return true;
            }
        }
        return false;
    }

    /** A JWT whose first segment decodes to a JSON header naming an algorithm. */
    static boolean jwt(String value) {
        int dot = value.indexOf('.');
        if (dot < 0) {
            return false;
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8);
            return header.startsWith("{") && header.contains("\"alg\"");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Not a human-written stand-in: no placeholder marker, no run of six equal chars. */
    static boolean notPlaceholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        for (String marker : PLACEHOLDER_MARKERS) {
            if (lower.contains(marker)) {
                return false;
            }
        }
        int run = 1;
        for (int i = 1; i < value.length(); i++) {
            run = value.charAt(i) == value.charAt(i - 1) ? run + 1 : 1;
            if (run >= 6) {
                return false;
            }
        }
        return true;
    }

    /**
     * A generic secret value (after {@code api_key=}, {@code token:} ...): 16..512 chars, letters and
     * digits, not a placeholder, an environment variable name or a dotted code path, and random enough.
     */
    static boolean secretValue(String value) {
        for (String prefix : SPECIFIC_PREFIXES) {
            if (value.startsWith(prefix)) {
                return false; // a provider format: its own detector decides, and it said no
            }
        }
        if (value.length() < 16 || value.length() > 512 || !notPlaceholder(value) || looksLikeCode(value)) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            letter |= Character.isLetter(c);
            digit |= c >= '0' && c <= '9';
        }
        return letter && digit && entropy(value) >= 3.2;
    }

    /**
     * A password value: 8..128 chars, not a placeholder or weak stand-in, not code, at least a digit or a
     * symbol (or 20+ mixed-case letters), and some randomness.
     */
    static boolean password(String value) {
        if (value.length() < 8 || value.length() > 128 || value.endsWith(":")) {
            return false; // a value ending with a colon is the next label ("Password requirements: …")
        }
        // Every check below is a pure test that refuses; the two regexes of looksLikeCode cost the most, so they
        // come last (a flood of "password=password=..." is refused by its weak marker before them).
        String lower = value.toLowerCase(Locale.ROOT);
        for (String marker : WEAK_MARKERS) {
            if (lower.contains(marker)) {
                return false;
            }
        }
        if (!notPlaceholder(value) || looksLikeCode(value)) {
            return false;
        }
        boolean digitOrSymbol = false;
        boolean upper = false;
        boolean lowerCase = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            digitOrSymbol |= !Character.isLetter(c);
            upper |= Character.isUpperCase(c);
            lowerCase |= Character.isLowerCase(c);
        }
        boolean varied = digitOrSymbol || (upper && lowerCase && value.length() >= 20);
        return varied && (digitOrSymbol ? upper || lowerCase : true) && entropy(value) >= 2.8;
    }

    /**
     * The value of an HTTP Basic {@code Authorization} header: base64 of {@code user:password} in printable UTF-8,
     * both parts present, the password neither a stock stand-in nor a placeholder.
     */
    static boolean basicCredentials(String value) {
        String bare = value.replace("=", "");
        if (bare.length() % 4 == 1) {
            return false; // one char past a multiple of four: no byte string encodes to it
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(bare + "==".substring(0, (4 - bare.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            return false;
        }
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '\uFFFD') {
                return false;
            }
        }
        int colon = decoded.indexOf(':');
        if (colon < 1 || colon == decoded.length() - 1) {
            return false;
        }
        String password = decoded.substring(colon + 1);
        return notWeak(password) && notPlaceholder(password);
    }

    /** An email local part that is not a stand-in such as {@code your.name} or {@code xxx}. */
    static boolean notPlaceholderEmail(String local) {
        return !local.contains("your")
                && !local.contains("xxx")
                && !local.equals("user")
                && !local.equals("name")
                && !local.contains("placeholder");
    }

    /** Not a stock stand-in credential ({@code password}, {@code root}, {@code changeme}) nor a reference. */
    static boolean notWeak(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.length() < 4 || lower.startsWith("$") || lower.startsWith("%") || lower.startsWith("{")) {
            return false;
        }
        for (String word : STOCK_CREDENTIALS) {
            if (lower.equals(word)) {
                return false;
            }
        }
        return notPlaceholder(value);
    }

    /** Environment variable names, dotted paths, calls and URLs are references to a secret, not secrets. */
    private static boolean looksLikeCode(String value) {
        if (ENV_NAME.matches(value) || DOTTED_PATH.matches(value)) {
            return true;
        }
        return value.contains("(")
                || value.contains("[")
                || value.contains("://")
                || value.startsWith("/")
                || value.startsWith("$");
    }
}
