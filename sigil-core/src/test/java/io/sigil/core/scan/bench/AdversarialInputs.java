package io.sigil.core.scan.bench;

import io.sigil.core.scan.DetectorPacks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The 1 MB inputs built to hurt the scanner, by name: keyword floods, digit runs, {@code a=}, entities,
 * base64-ish noise and a mix of every built-in detector's keywords. Deterministic (seeded).
 */
public final class AdversarialInputs {

    private static volatile Map<String, String> all;

    private AdversarialInputs() {}

    /** Every input, in a fixed order. */
    public static Map<String, String> all() {
        Map<String, String> inputs = all;
        if (inputs == null) {
            inputs = generate();
            all = inputs;
        }
        return inputs;
    }

    public static String byName(String name) {
        String input = all().get(name);
        if (input == null) {
            throw new IllegalArgumentException("no adversarial input " + name + "; known: " + all().keySet());
        }
        return input;
    }

    private static Map<String, String> generate() {
        Random random = new Random(1);
        List<String> keywords = new ArrayList<>();
        DetectorPacks.builtIn().forEach(d -> keywords.addAll(d.keywords()));
        StringBuilder mix = new StringBuilder();
        while (mix.length() < 1_000_000) {
            mix.append(keywords.get(random.nextInt(keywords.size())));
            if (random.nextInt(3) == 0) {
                mix.append(random.nextInt(1_000_000));
            }
            mix.append(random.nextBoolean() ? "a=" : "+/");
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-";
        StringBuilder base64ish = new StringBuilder();
        StringBuilder digits = new StringBuilder();
        while (base64ish.length() < 1_000_000) {
            base64ish.append(alphabet.charAt(random.nextInt(alphabet.length())));
            if (random.nextInt(60) == 0) {
                base64ish.append(' ');
            }
        }
        while (digits.length() < 1_000_000) {
            digits.append(random.nextInt(10));
            if (random.nextInt(5) == 0) {
                digits.append(random.nextBoolean() ? ' ' : '-');
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("a-flood", "a".repeat(1_000_000));
        out.put("AKIA-flood", "AKIA".repeat(250_000));
        out.put("at-flood", "@".repeat(1_000_000));
        out.put("digit-space", "1 ".repeat(500_000));
        out.put("pem-header-flood", "-----BEGIN PRIVATE KEY-----".repeat(37_000));
        out.put("entity-flood", "&#".repeat(500_000));
        out.put("base64-key-ids", "QUtJQUFBQUFBQUFB ".repeat(58_824));
        out.put("a-equals-flood", "a=".repeat(500_000));
        out.put("password-flood", "password=".repeat(111_112));
        out.put("keyword-mix", mix.substring(0, 1_000_000));
        out.put("base64ish-noise", base64ish.substring(0, 1_000_000));
        out.put("digits-separators", digits.substring(0, 1_000_000));
        return java.util.Collections.unmodifiableMap(out);
    }
}
