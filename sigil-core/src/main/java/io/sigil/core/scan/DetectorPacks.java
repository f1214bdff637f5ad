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
 * and the field: missing fields, duplicate ids, patterns RE2J cannot compile, unknown validators, too few
 * examples.
 */
public final class DetectorPacks {

    /** The built-in pack, on the classpath next to this class. */
    public static final String BUILT_IN = "packs/sigil-scanner-core.json";

    /** Every detector must prove itself with at least this many positive and negative examples. */
    static final int MIN_EXAMPLES = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile List<Detector> builtIn;

    private DetectorPacks() {}

    /** The detectors of the built-in core pack, loaded and validated once. */
    public static List<Detector> builtIn() {
        List<Detector> loaded = builtIn;
        if (loaded == null) {
            try (InputStream in = DetectorPacks.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("built-in pack " + BUILT_IN + " is missing");
                }
                loaded = parse(JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read built-in pack " + BUILT_IN, e);
            }
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
        JsonNode list = pack == null ? null : pack.get("detectors");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("detector pack needs a non-empty 'detectors' array");
        }
        List<Detector> detectors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Detector detector = detector(list.get(i), i);
            if (!ids.add(detector.id())) {
                throw new IllegalArgumentException("duplicate detector id '" + detector.id() + "'");
            }
            detectors.add(detector);
        }
        return List.copyOf(detectors);
    }

    private static Detector detector(JsonNode node, int index) {
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
        try {
            pattern = Pattern.compile(text(node, "pattern", where));
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
                    category,
                    severity,
                    pattern,
                    node.has("keywords") ? strings(node.get("keywords"), where + " keywords") : List.of(),
                    validator,
                    node.path("alwaysRun").asBoolean(false),
                    digitAnchor(node.get("digitAnchor"), where),
                    node.path("window").asInt(Detector.DEFAULT_WINDOW),
                    positives,
                    negatives);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
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
