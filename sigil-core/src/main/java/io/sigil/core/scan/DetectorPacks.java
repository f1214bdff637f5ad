package io.sigil.core.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Loads declarative detector packs (JSON) and rejects bad ones with a message that names the detector
 * and the field: missing fields, duplicate ids, patterns RE2J cannot compile, unbounded repetition in an
 * ungated pattern, unknown validators, too few examples.
 */
public final class DetectorPacks {

    /** The built-in packs, on the classpath under {@code packs/} next to this class. */
    public static final List<String> BUILT_IN = List.of(
            "sigil-scanner-cloud",
            "sigil-scanner-saas",
            "sigil-scanner-credentials",
            "sigil-scanner-crypto-keys",
            "sigil-scanner-financial",
            "sigil-scanner-pii",
            "sigil-scanner-health");

    /** Every detector must prove itself with at least this many positive and negative examples. */
    static final int MIN_EXAMPLES = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile List<DetectorPack> builtIn;

    private DetectorPacks() {}

    /** The detectors of every built-in pack, loaded and validated once; ids are unique across packs. */
    public static List<Detector> builtIn() {
        List<Detector> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (DetectorPack pack : builtInPacks()) {
            for (Detector detector : pack.detectors()) {
                if (!ids.add(detector.id())) {
                    throw new IllegalStateException("duplicate detector id '" + detector.id() + "' across packs");
                }
                all.add(detector);
            }
        }
        return List.copyOf(all);
    }

    /** The built-in packs, loaded and validated once. */
    public static List<DetectorPack> builtInPacks() {
        List<DetectorPack> loaded = builtIn;
        if (loaded == null) {
            List<DetectorPack> packs = new ArrayList<>();
            for (String name : BUILT_IN) {
                String resource = "packs/" + name + ".json";
                try (InputStream in = DetectorPacks.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("built-in pack " + resource + " is missing");
                    }
                    packs.add(pack(JSON.readTree(in)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read built-in pack " + resource, e);
                }
            }
            loaded = List.copyOf(packs);
            builtIn = loaded;
        }
        return loaded;
    }

    /** Parses a pack from its JSON text. */
    public static List<Detector> parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("detector pack is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Parses a pack: {@code {"pack": "...", "detectors": [ ... ]}}. */
    public static List<Detector> parse(JsonNode pack) {
        return pack(pack).detectors();
    }

    /** Parses a pack with its name, version and description. */
    public static DetectorPack pack(JsonNode pack) {
        String name = pack == null ? "" : pack.path("pack").asText("");
        if (name.isBlank()) {
            name = "unnamed";
        }
        JsonNode list = pack == null ? null : pack.get("detectors");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("detector pack needs a non-empty 'detectors' array");
        }
        List<Detector> detectors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Detector detector = detector(list.get(i), i, name);
            if (!ids.add(detector.id())) {
                throw new IllegalArgumentException("duplicate detector id '" + detector.id() + "'");
            }
            detectors.add(detector);
        }
        return new DetectorPack(
                name, pack.path("version").asText("0"), pack.path("description").asText(""), detectors);
    }

    private static Detector detector(JsonNode node, int index, String packName) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("detector #" + index + " is not an object");
        }
        String id = text(node, "id", "detector #" + index);
        String where = "detector '" + id + "'";
        String category = text(node, "category", where);
        Severity severity;
        try {
            severity = Severity.valueOf(text(node, "severity", where).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": severity must be one of low, medium, high, critical");
        }
        Pattern pattern;
        String source = text(node, "pattern", where);
        boolean alwaysRun = node.path("alwaysRun").asBoolean(false);
        if (alwaysRun && hasUnboundedRepetition(source)) {
            // Only keyword windows bound what a pattern sees; an ungated one must bound itself.
            throw new IllegalArgumentException(
                    where + ": an alwaysRun pattern must use bounded repetition only" + " ({m,n}, never *, + or {n,})");
        }
        try {
            pattern = Pattern.compile(source);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": pattern does not compile under RE2J: " + e.getMessage());
        }
        String validator = node.hasNonNull("validator") ? node.get("validator").asText() : null;
        try {
            Validators.resolve(validator);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        JsonNode examples = node.get("examples");
        List<String> positives =
                strings(examples == null ? null : examples.get("positive"), where + " examples.positive");
        List<String> negatives =
                strings(examples == null ? null : examples.get("negative"), where + " examples.negative");
        if (positives.size() < MIN_EXAMPLES || negatives.size() < MIN_EXAMPLES) {
            throw new IllegalArgumentException(where + ": needs at least " + MIN_EXAMPLES + " positive and "
                    + MIN_EXAMPLES + " negative examples");
        }
        try {
            return new Detector(
                    id,
                    packName,
                    category,
                    severity,
                    pattern,
                    node.has("keywords") ? strings(node.get("keywords"), where + " keywords") : List.of(),
                    validator,
                    alwaysRun,
                    digitAnchor(node.get("digitAnchor"), where),
                    node.path("window").asInt(Detector.DEFAULT_WINDOW),
                    node.has("suppressNear") ? strings(node.get("suppressNear"), where + " suppressNear") : List.of(),
                    node.path("generic").asBoolean(false),
                    positives,
                    negatives);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Whether the regex has a {@code *}, {@code +} or {@code {n,}} outside escapes and char classes. */
    static boolean hasUnboundedRepetition(String regex) {
        boolean[] syntax = RegexSource.structural(regex);
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (!syntax[i]) {
                continue;
            }
            if (c == '*' || c == '+') {
                return true;
            }
            if (c == '{') {
                int close = regex.indexOf('}', i);
                if (close > 0 && regex.substring(i + 1, close).matches("[0-9]+,")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Detector.DigitAnchor digitAnchor(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.path("min").isInt() || !node.path("max").isInt()) {
            throw new IllegalArgumentException(where + ": digitAnchor needs integer 'min' and 'max'");
        }
        try {
            return new Detector.DigitAnchor(
                    node.get("min").asInt(), node.get("max").asInt());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": missing or blank field '" + field + "'");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode array, String where) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException(where + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(where + " must be an array of strings");
            }
            out.add(item.asText());
        }
        return out;
    }
}
