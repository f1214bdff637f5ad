package io.sigil.core.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Matcher;
import io.sigil.core.spi.SensitivityScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The scanner: normalises the text, runs the keyword automaton once, and confirms with each detector's
 * RE2J pattern only inside bounded windows around its keyword hits (merged when they overlap, so every
 * char is examined at most once per detector). Linear in the input; immutable and thread-safe.
 */
public final class ScanEngine implements SensitivityScanner {

    private static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::start)
            .thenComparingInt(Finding::end)
            .thenComparing(Finding::detectorId);

    private final List<Detector> detectors;
    private final List<Predicate<String>> validators;
    private final KeywordIndex keywords;
    private final Set<String> genericIds;
    private final int[] alwaysRun;
    private final int[] anchored;
    private final KeywordIndex suppressions;

    public ScanEngine(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
        this.validators = this.detectors.stream()
                .map(d -> Validators.resolve(d.validator()))
                .toList();
        this.genericIds = this.detectors.stream()
                .filter(Detector::generic)
                .map(Detector::id)
                .collect(Collectors.toUnmodifiableSet());
        this.keywords =
                new KeywordIndex(this.detectors.stream().map(Detector::keywords).toList());
        this.alwaysRun = IntStream.range(0, this.detectors.size())
                .filter(i -> this.detectors.get(i).alwaysRun())
                .toArray();
        this.anchored = IntStream.range(0, this.detectors.size())
                .filter(i -> this.detectors.get(i).digitAnchor() != null)
                .toArray();
        this.suppressions = new KeywordIndex(
                this.detectors.stream().map(Detector::suppressNear).toList());
    }

    /** An engine over every built-in pack; build it once and share it, it is immutable. */
    public static ScanEngine builtIn() {
        return new ScanEngine(DetectorPacks.builtIn());
    }

    public List<Detector> detectors() {
        return detectors;
    }

    /** The category of the most severe finding (the earliest among equals), or empty. */
    @Override
    public Optional<String> scan(String text) {
        return findings(text).stream()
                .max(Comparator.comparing(Finding::severity).thenComparing(ORDER.reversed()))
                .map(Finding::category);
    }

    /** Every finding in the text, ordered by span; spans refer to the text as given. */
    public List<Finding> findings(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        NormalisedText normalised = Normaliser.normalise(text);
        Set<Finding> found = new LinkedHashSet<>();
        for (Span span : confirm(normalised.text())) {
            found.add(finding(span, normalised.originalStart(span.start), normalised.originalEnd(span.end)));
        }
        // Depth one: decoded tokens are normalised and matched, but never decoded again.
        for (Base64Tokens.Decoded token : Base64Tokens.decodeAll(normalised.text())) {
            int start = normalised.originalStart(token.start());
            int end = normalised.originalEnd(token.end());
            for (Span span : confirm(Normaliser.normalise(token.text()).text())) {
                found.add(finding(span, start, end));
            }
        }
        return Overlaps.resolve(new ArrayList<>(found), this::isGeneric, ORDER);
    }

    private boolean isGeneric(Finding finding) {
        return genericIds.contains(finding.detectorId());
    }

    /** Deepest JSON nesting the walk accepts; deeper documents are refused rather than half scanned. */
    public static final int MAX_JSON_DEPTH = 256;

    /**
     * Every finding in every string value of a JSON document (object members and array elements; keys are
     * not scanned), each with the RFC 6901 pointer of its value. The walk uses its own stack, so that no
     * document can overflow the thread's, and refuses nesting deeper than {@link #MAX_JSON_DEPTH}.
     *
     * @throws IllegalArgumentException if the document nests deeper than {@link #MAX_JSON_DEPTH}: the caller
     *     cannot know what is in it, so it must refuse it (fail closed)
     */
    public List<Finding> findings(JsonNode document) {
        List<Finding> out = new ArrayList<>();
        Deque<JsonPath> stack = new ArrayDeque<>();
        if (document != null) {
            stack.push(JsonPath.root(document));
        }
        while (!stack.isEmpty()) {
            JsonPath at = stack.pop();
            JsonNode node = at.node();
            if (at.depth() > MAX_JSON_DEPTH) {
                throw new IllegalArgumentException("JSON nested deeper than " + MAX_JSON_DEPTH + " levels");
            }
            if (node.isTextual()) {
                for (Finding finding : findings(node.textValue())) {
                    out.add(finding.at(at.pointer()));
                }
            } else if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    stack.push(at.child(node.get(i), Integer.toString(i)));
                }
            } else if (node.isObject()) {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
                for (int i = fields.size() - 1; i >= 0; i--) {
                    stack.push(at.child(
                            fields.get(i).getValue(), escape(fields.get(i).getKey())));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * A node and how it was reached. The pointer is only built when a finding needs it, so a deep document
     * with many values costs no quadratic string building.
     */
    private record JsonPath(JsonNode node, JsonPath parent, String token, int depth) {

        static JsonPath root(JsonNode node) {
            return new JsonPath(node, null, null, 0);
        }

        JsonPath child(JsonNode child, String childToken) {
            return new JsonPath(child, this, childToken, depth + 1);
        }

        String pointer() {
            Deque<String> tokens = new ArrayDeque<>();
            for (JsonPath p = this; p.parent != null; p = p.parent) {
                tokens.push(p.token);
            }
            StringBuilder out = new StringBuilder();
            tokens.forEach(token -> out.append('/').append(token));
            return out.toString();
        }
    }

    /** RFC 6901: {@code ~} becomes {@code ~0} first, then {@code /} becomes {@code ~1}. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private Finding finding(Span span, int start, int end) {
        Detector detector = detectors.get(span.detector);
        return new Finding(detector.id(), detector.category(), detector.severity(), start, end, null);
    }

    /** A confirmed match in the normalised text. */
    private record Span(int detector, int start, int end) {}

    private List<Span> confirm(String text) {
        Windows windows = new Windows(detectors.size(), text.length());
        keywords.search(
                text,
                (d, start, end) -> windows.add(d, start, end, detectors.get(d).window()));
        for (int d : alwaysRun) {
            if (detectors.get(d).digitAnchor() == null) {
                windows.add(d, 0, text.length(), 0);
            }
        }
        if (anchored.length > 0) {
            addDigitRuns(text, windows);
        }
        List<Span> spans = new ArrayList<>();
        for (int d = 0; d < detectors.size(); d++) {
            int[] ranges = windows.ranges(d);
            for (int r = 0; r < ranges.length; r += 2) {
                match(d, text, ranges[r], ranges[r + 1], spans);
            }
        }
        return spans;
    }

    /** One linear pass over the digit runs, opening windows for the digit-anchored detectors. */
    private void addDigitRuns(String text, Windows windows) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            int length = i - start;
            for (int d : anchored) {
                Detector.DigitAnchor anchor = detectors.get(d).digitAnchor();
                if (length >= anchor.min() && length <= anchor.max()) {
                    windows.add(d, start, i, detectors.get(d).window());
                }
            }
        }
    }

    /** Whether one of the detector's suppressNear phrases occurs just before or after the match. */
    private boolean suppressed(int d, String text, int start, int end) {
        if (detectors.get(d).suppressNear().isEmpty()) {
            return false;
        }
        int from = Math.max(0, start - Detector.SUPPRESS_BEFORE);
        int to = Math.min(text.length(), end + Detector.SUPPRESS_AFTER);
        boolean[] found = {false};
        suppressions.search(text.subSequence(from, to), (detector, s, e) -> found[0] |= detector == d);
        return found[0];
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '+' || c == '/' || c == '=';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** How far a window edge may move outward so that it does not cut a token in two. */
    static final int EDGE_SLACK = 128;

    private void match(int d, String text, int windowFrom, int windowTo, List<Span> spans) {
        // A window edge inside a token would let the pattern see a truncated token: a real secret could fail
        // its validator, or a longer number could pass as a card. So edges move out to token boundaries.
        int from = windowFrom;
        while (from > 0 && windowFrom - from < EDGE_SLACK && isTokenChar(text.charAt(from - 1))) {
            from--;
        }
        int to = windowTo;
        while (to < text.length() && to - windowTo < EDGE_SLACK && isTokenChar(text.charAt(to))) {
            to++;
        }
        Matcher matcher = detectors.get(d).pattern().matcher(text.substring(from, to));
        while (matcher.find()) {
            // The value is the first capturing group that took part (patterns with alternatives capture the
            // value in a different group per alternative); without one, the whole match.
            int group = 0;
            for (int g = 1; g <= matcher.groupCount() && group == 0; g++) {
                group = matcher.start(g) >= 0 ? g : 0;
            }
            String value = matcher.group(group);
            int start = from + matcher.start(group);
            int end = from + matcher.end(group);
            if (validators.get(d).test(value) && !suppressed(d, text, start, end)) {
                spans.add(new Span(d, start, end));
            }
        }
    }
}
