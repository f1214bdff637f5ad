package io.sigil.core.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.sigil.core.spi.SensitivityScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
 * RE2J pattern only around its keyword hits: anchored at each hit for patterns that start with their keyword,
 * otherwise inside bounded windows merged when they overlap (every char examined at most once per detector).
 * A per-scan work budget, counted in chars handed to RE2J weighted by pattern size ({@link ScanBudget}),
 * bounds the rest linearly in the input length: a scan that exhausts it says so
 * ({@link ScanResult#truncated()}) and carries an {@link #INCOMPLETE_ID} finding over the whole text, so that
 * callers fail closed. No clock is read: the same input always gets the same answer. Immutable and
 * thread-safe.
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
    /** Per digit-run length: the digit-anchored detectors whose anchor takes a run that long. */
    private final int[][] byDigitRun;
    /** Per detector: its window. */
    private final int[] windowOf;
    /** Per detector: whether every match starts with one of its keywords (tried anchored at the hits). */
    private final boolean[] atHits;
    /** Per detector tried at its hits because its heads hold its keywords: where its heads start; else null. */
    private final HeadStarts[] headStarts;
    /** Per detector tried at its heads: the longest match its pattern can make. */
    private final int[] longestMatch;
    /** Per detector, what a keyword hit adds: {@link #HIT_WINDOW}, {@link #HIT_START} or {@link #HIT_HEADS}. */
    private final byte[] onHit;

    private static final byte HIT_WINDOW = 0;
    private static final byte HIT_START = 1;
    /** A window, and the places its heads start ({@link HeadStarts}). */
    private static final byte HIT_HEADS = 2;
    /** Per detector: whether every branch starts with {@code \b}, so a hit inside a word cannot start one. */
    private final boolean[] boundaryFirst;
    /** Per detector: its pattern after one arbitrary char, so that an anchored try sees the char before. */
    private final Pattern[] withContext;
    /** Per detector: what one char handed to its pattern costs the budget ({@link PatternCost}). */
    private final long[] weight;
    /** Per detector: its pattern anchored at the start of the region. */
    private final Pattern[] anchoredAt;
    /**
     * Per detector not tried at its hits: the classes its matches start with ({@link StartClasses}), when
     * they are selective enough that it is tried anchored where they fit inside its windows; else null.
     */
    private final StartClasses.Filter[] starts;
    /**
     * Per detector not tried at its hits: a DFA that tells, one table lookup per char, whether a window can
     * hold a match at all ({@link PatternDfa}); a window it rules out is not handed to RE2J. Null when the
     * pattern has none (or the engine is the reference sweep).
     */
    private final PatternDfa[] dfas;
    /**
     * Per detector tried at its hits: an anchored DFA that tells, before RE2J is asked, whether a match can
     * start at a hit at all (it usually knows within a few chars); null when there is none.
     */
    private final PatternDfa[] hitDfas;

    /**
     * Per detector tried at its start classes: an anchored DFA asked at each place before RE2J; where it rules
     * a match out, the try is charged as if made, so the work and every later decision stay the same.
     */
    private final PatternDfa[] startDfas;

    private final int[] longestKeyword;

    /**
     * Per detector: how far before the end of its earliest possible match a match can start (twice its longest
     * match, as a surrogate pair is two chars, plus one), or {@link StartClasses#UNBOUNDED}; a sweep starts RE2J
     * no earlier than that ({@link #find}).
     */
    private final int[] reach;

    /**
     * Per detector: whether its only group spans the whole match ({@link WholeMatchGroup}), so that the value's
     * bounds are the match's and RE2J is not asked for the group (which would run it a second time).
     */
    private final boolean[] wholeValue;

    /**
     * Per detector: an exact stand-in for RE2J's {@code find} and anchored tries ({@link FirstMatchDfa}) when its
     * pattern is a {@code \b(X)\b} shape of ASCII classes (cards, national ids, many tokens), so that RE2J is not
     * run at all; else null.
     */
    private final FirstMatchDfa[] exact;

    /**
     * Per detector tried at its hits or start classes: when each alternative ends with a greedy run as its only
     * group ({@link GreedyTail}), the anchored tries match its lazy copy, which stops a few chars into the run, and
     * the run's greedy end is found by one scan; else null.
     */
    private final GreedyTail[] tails;

    /**
     * Per detector without an {@link #exact} matcher whose pattern has a word boundary or a long count: a stricter
     * check ({@link BoundaryDfa}) asked before an anchored RE2J try ({@code strictAt}) and before RE2J sweeps a
     * region ({@code strictIn}); where it says no match, RE2J is not run and the charge already made stands, so
     * the work and every later decision stay the same. Else null.
     */
    private final BoundaryDfa[] strictAt;

    private final BoundaryDfa[] strictIn;

    /** Detector id of the finding that marks a truncated scan. */
    public static final String INCOMPLETE_ID = "scan-incomplete";

    /** Category of the finding that marks a truncated scan. */
    public static final String INCOMPLETE_CATEGORY = "Scan Incomplete";

    public ScanEngine(List<Detector> detectors) {
        this(detectors, true);
    }

    /**
     * @param startClasses whether detectors are tried where their start classes fit; false sweeps their
     *     windows as before, which tests use as the reference the faster way must agree with
     */
    ScanEngine(List<Detector> detectors, boolean startClasses) {
        this(detectors, startClasses, startClasses);
    }

    /**
     * @param startClasses whether detectors are tried where their start classes fit
     * @param prefilter whether windows are first read by the detector's {@link PatternDfa}, and skipped when it
     *     rules a match out
     */
    ScanEngine(List<Detector> detectors, boolean startClasses, boolean prefilter) {
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
        int longestRun = this.detectors.stream()
                .filter(d -> d.digitAnchor() != null)
                .mapToInt(d -> d.digitAnchor().max())
                .max()
                .orElse(0);
        this.byDigitRun = new int[longestRun + 1][];
        for (int length = 0; length <= longestRun; length++) {
            int run = length;
            byDigitRun[length] = IntStream.of(anchored)
                    .filter(d -> run >= this.detectors.get(d).digitAnchor().min()
                            && run <= this.detectors.get(d).digitAnchor().max())
                    .toArray();
        }
        this.windowOf = this.detectors.stream().mapToInt(Detector::window).toArray();
        this.suppressions = new KeywordIndex(
                this.detectors.stream().map(Detector::suppressNear).toList());
        int count = this.detectors.size();
        this.atHits = new boolean[count];
        this.headStarts = new HeadStarts[count];
        this.longestMatch = new int[count];
        this.onHit = new byte[count];
        this.boundaryFirst = new boolean[count];
        this.withContext = new Pattern[count];
        this.anchoredAt = new Pattern[count];
        this.weight = new long[count];
        this.longestKeyword = new int[count];
        this.reach = new int[count];
        this.wholeValue = new boolean[count];
        this.exact = new FirstMatchDfa[count];
        this.tails = new GreedyTail[count];
        this.starts = new StartClasses.Filter[count];
        this.dfas = new PatternDfa[count];
        this.hitDfas = new PatternDfa[count];
        this.startDfas = new PatternDfa[count];
        this.strictAt = new BoundaryDfa[count];
        this.strictIn = new BoundaryDfa[count];
        for (int d = 0; d < count; d++) {
            Detector detector = this.detectors.get(d);
            Pattern pattern = detector.pattern();
            atHits[d] = detector.digitAnchor() == null
                    && PatternHeads.startsAtKeyword(pattern.pattern(), detector.keywords());
            headStarts[d] = atHits[d] || detector.digitAnchor() != null || detector.alwaysRun() || !prefilter
                    ? null
                    : HeadStarts.of(pattern.pattern(), detector.keywords());
            // A try at a head must be bounded, so that the tries can be weighed against the sweep they replace.
            StartClasses.Shape extent = headStarts[d] == null ? null : StartClasses.of(pattern.pattern());
            boolean finite = extent != null && extent.maxLength() < StartClasses.UNBOUNDED / 2 - 1;
            headStarts[d] = finite ? headStarts[d] : null;
            longestMatch[d] = finite ? extent.maxLength() : 0;
            boolean atHeads = headStarts[d] != null;
            onHit[d] = atHits[d] ? HIT_START : atHeads ? HIT_HEADS : HIT_WINDOW;
            boundaryFirst[d] = atHits[d] && PatternHeads.startsWithWordBoundary(pattern.pattern());
            StartClasses.Shape shape =
                    atHits[d] || atHeads || !startClasses ? null : StartClasses.of(pattern.pattern());
            boolean bounded = shape != null
                    && shape.classes().size() >= MIN_START_CLASSES
                    && shape.maxLength() != StartClasses.UNBOUNDED;
            starts[d] = bounded ? StartClasses.Filter.of(shape) : null;
            dfas[d] = atHits[d] || !prefilter ? null : PatternDfa.of(pattern.pattern());
            hitDfas[d] = (atHits[d] || atHeads) && prefilter ? PatternDfa.of(pattern.pattern(), true) : null;
            startDfas[d] = starts[d] != null && prefilter ? PatternDfa.of(pattern.pattern(), true) : null;
            boolean anchoredTries = atHits[d] || atHeads || starts[d] != null;
            tails[d] = anchoredTries && prefilter ? GreedyTail.of(pattern) : null;
            Pattern tried = tails[d] != null ? tails[d].lazy() : pattern;
            // The leading \\A makes RE2J stop as soon as no thread is alive; without it an anchored try still steps
            // through the rest of its region, so a flood of hits would cost hits x window.
            anchoredAt[d] = anchoredTries ? Pattern.compile("\\A(?:" + tried.pattern() + ")", tried.flags()) : null;
            withContext[d] =
                    anchoredTries ? Pattern.compile("\\A(?s:.)(?:" + tried.pattern() + ")", tried.flags()) : null;
            weight[d] = ScanBudget.weightOf(PatternCost.of(pattern.pattern()));
            wholeValue[d] = pattern.groupCount() == 1 && WholeMatchGroup.spansWholeMatch(pattern.pattern());
            exact[d] = !prefilter ? null : FirstMatchDfa.of(pattern.pattern(), pattern.flags());
            boolean strict = prefilter && exact[d] == null && BoundaryDfa.stricter(pattern.pattern());
            strictAt[d] = strict && anchoredTries ? BoundaryDfa.of(pattern.pattern(), true) : null;
            strictIn[d] = strict ? BoundaryDfa.of(pattern.pattern(), false) : null;
            longestKeyword[d] =
                    detector.keywords().stream().mapToInt(String::length).max().orElse(0);
            StartClasses.Shape whole = shape != null ? shape : StartClasses.of(pattern.pattern());
            reach[d] = whole == null || whole.maxLength() >= StartClasses.UNBOUNDED / 2 - 1
                    ? StartClasses.UNBOUNDED
                    : 2 * whole.maxLength() + 1;
        }
    }

    /**
     * Fewest start classes that make a detector be tried where they fit rather than swept over its windows:
     * one class alone (a digit, a letter) fits too often for anchored tries to beat one sweep.
     */
    static final int MIN_START_CLASSES = 2;

    /** Whether the detector's pattern is tried anchored at its keyword hits (for tests and benchmarks). */
    boolean triedAtHits(String detectorId) {
        return atHits[index(detectorId)] || headStarts[index(detectorId)] != null;
    }

    /** Whether the detector's windows are first read by its DFA (for tests). */
    boolean prefiltered(String detectorId) {
        return dfas[index(detectorId)] != null || hitDfas[index(detectorId)] != null;
    }

    /** Whether the detector's pattern is tried anchored where its start classes fit (for tests). */
    boolean triedAtStarts(String detectorId) {
        return starts[index(detectorId)] != null;
    }

    private int index(String detectorId) {
        for (int d = 0; d < detectors.size(); d++) {
            if (detectors.get(d).id().equals(detectorId)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no detector " + detectorId);
    }

    /** An engine over every built-in pack; build it once and share it, it is immutable. */
    public static ScanEngine builtIn() {
        return new ScanEngine(DetectorPacks.builtIn());
    }

    /**
     * A scanner for one chunked stream over this engine, holding back enough to see any value a detector
     * window can cover (the longest window plus the edge slack on both sides).
     */
    public StreamScanner stream() {
        int longest = detectors.stream().mapToInt(Detector::window).max().orElse(Detector.DEFAULT_WINDOW);
        int carry = longest + 2 * EDGE_SLACK;
        return new StreamScanner(this, carry, carry / 4);
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

    /**
     * Every finding in the text, ordered by span; spans refer to the text as given. When the scan was
     * truncated, the list also holds an {@link #INCOMPLETE_ID} finding over the whole text.
     */
    public List<Finding> findings(String text) {
        return scanResult(text).findings();
    }

    /** Every finding in the text, and whether the work budget truncated the scan (then fail closed). */
    public ScanResult scanResult(String text) {
        if (text == null || text.isEmpty()) {
            return new ScanResult(List.of(), false, 0);
        }
        ScanBudget budget = ScanBudget.forLength(text.length());
        NormalisedText normalised = Normaliser.normalise(text);
        byte[] symbols = Symbols.of(normalised.text());
        Set<Finding> found = new LinkedHashSet<>();
        for (Span span : confirm(normalised.text(), symbols, budget)) {
            found.add(finding(span, normalised.originalStart(span.start), normalised.originalEnd(span.end)));
        }
        // Depth one: decoded tokens are normalised and matched, but never decoded again.
        Base64Tokens.Result base64 = Base64Tokens.decodeAll(normalised.text(), symbols);
        List<Base64Tokens.Decoded> tokens = base64.tokens();
        if (!tokens.isEmpty()) {
            DecodedBatch batch = DecodedBatch.of(tokens);
            NormalisedText decoded = Normaliser.normalise(batch.text());
            for (Span span : confirm(decoded.text(), Symbols.of(decoded.text()), budget)) {
                int segment = batch.segmentOf(decoded.originalStart(span.start));
                if (segment != batch.segmentOf(decoded.originalEnd(span.end) - 1)) {
                    continue; // across two tokens: an artefact of joining them
                }
                Base64Tokens.Decoded token = tokens.get(segment);
                found.add(finding(span, normalised.originalStart(token.start()), normalised.originalEnd(token.end())));
            }
        }
        if (!base64.complete()) {
            budget.exhaust(); // wrapped secrets past the decode budget were not looked at
        }
        if (budget.exhausted()) {
            found.add(new Finding(INCOMPLETE_ID, INCOMPLETE_CATEGORY, Severity.CRITICAL, 0, text.length(), null));
        }
        return new ScanResult(
                Overlaps.resolve(
                        new ArrayList<>(found),
                        this::isGeneric,
                        f -> digitsOnly(text, f),
                        f -> !f.detectorId().equals(INCOMPLETE_ID),
                        ORDER),
                budget.exhausted(),
                budget.spent());
    }

    /** Whether the finding's chars are digits and the separators numbers are written with, nothing else. */
    private static boolean digitsOnly(String text, Finding finding) {
        for (int i = finding.start(); i < finding.end(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != ' ' && c != '-' && c != '.' && c != '/') {
                return false;
            }
        }
        return finding.end() > finding.start();
    }

    private boolean isGeneric(Finding finding) {
        return genericIds.contains(finding.detectorId());
    }

    /** Deepest JSON nesting the walk accepts; deeper documents are refused rather than half scanned. */
    public static final int MAX_JSON_DEPTH = 256;

    /**
     * Every finding in every string value of a JSON document (object members and array elements; member names
     * are not scanned here: {@link MemberNames} masks them first, so that these pointers hold none of what a name
     * revealed), each with the RFC 6901 pointer of its value. The walk uses its own stack, so that no
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

    private List<Span> confirm(String text, byte[] symbols, ScanBudget budget) {
        Windows windows = new Windows(detectors.size(), text.length());
        HitStarts hits = new HitStarts(detectors.size());
        keywords.search(symbols, (d, start, end) -> {
            // One load per hit: a flood of one keyword (a million '@') makes this the hottest branch of a scan.
            switch (onHit[d]) {
                case HIT_WINDOW -> windows.add(d, start, end, windowOf[d]);
                case HIT_START -> hits.add(d, start);
                default -> {
                    windows.add(d, start, end, windowOf[d]);
                    headStarts[d].addStarts(symbols, end, hits, d);
                }
            }
        });
        for (int d : alwaysRun) {
            if (detectors.get(d).digitAnchor() == null) {
                windows.add(d, 0, text.length(), 0);
            }
        }
        if (anchored.length > 0) {
            addDigitRuns(symbols, windows);
        }
        List<Span> spans = new ArrayList<>();
        TokenEdges edges = new TokenEdges(text, symbols);
        WordStarts words = null; // made on first use, shared by the detectors tried at their start classes
        for (int d = 0; d < detectors.size() && !budget.exhausted(); d++) {
            if (atHits[d]) {
                int[] at = hits.sorted(d);
                if (at.length > 0) {
                    matchAtHits(d, text, symbols, edges, at, budget, spans);
                }
                continue;
            }
            int[] ranges = windows.ranges(d);
            if (ranges.length == 0) {
                // No window: nothing to read or charge. Skipped before any per-detector allocation, which was most
                // of what a short text (a member name, a small value) cost.
                continue;
            }
            if (headStarts[d] != null) {
                matchAtHeads(d, text, symbols, edges, ranges, hits.sorted(d), budget, spans);
                continue;
            }
            if (starts[d] != null) {
                if (words == null) {
                    words = WordStarts.of(symbols);
                }
                matchAtStarts(d, text, symbols, edges, ranges, words, budget, spans);
                continue;
            }
            sweepWindows(d, text, symbols, edges, ranges, budget, spans);
        }
        return spans;
    }

    /**
     * Tries a pattern that starts with its keyword anchored at each hit, on a bounded region forward of it,
     * skipping hits inside the previous match (as a left-to-right find would) and hits that are inside a
     * word when the pattern needs a word boundary there: a keyword flood then costs almost nothing.
     */
    private void matchAtHits(
            int d, String text, byte[] symbols, TokenEdges edges, int[] starts, ScanBudget budget, List<Span> spans) {
        Detector detector = detectors.get(d);
        Tries tries = new Tries(text);
        int skipUntil = 0;
        int previous = -1;
        for (int h : starts) {
            if (h < skipUntil || h == previous || budget.exhausted()) {
                continue;
            }
            previous = h;
            if (boundaryFirst[d]
                    && h > 0
                    && StartClasses.isWordSymbol(symbols[h - 1])
                    && StartClasses.isWordSymbol(symbols[h])) {
                continue;
            }
            int to =
                    rightEdge(edges, text.length(), Math.min(text.length(), h + longestKeyword[d] + detector.window()));
            if (hitDfas[d] != null) {
                long tryCharge = ScanBudget.PER_TRY + (long) (to - (h == 0 ? 0 : h - 1)) * weight[d];
                long read = hitDfas[d].ruleOut(symbols, h, to, weight[d], tryCharge);
                if (read >= 0) {
                    budget.spend(Math.min(read, tryCharge)); // no match can start here: as a failed try, cheaper
                    continue;
                }
            }
            skipUntil = Math.max(skipUntil, tryAt(d, text, symbols, h, to, tries, budget, spans));
        }
    }

    /**
     * Tries a pattern whose matches all begin with one of its heads ({@link HeadStarts}) anchored where a head
     * starts, inside each window a sweep would read and up to that window's edge, left to right and skipping places
     * inside the previous match: the matches a find over the window gives (one can only start at a head), while
     * the window itself is not read. A try its anchored DFA rules out is charged what the read cost, never more
     * than the try. A window longer than one chunk is swept as before, since a sweep's chunks end elsewhere.
     */
    private void matchAtHeads(
            int d,
            String text,
            byte[] symbols,
            TokenEdges edges,
            int[] ranges,
            int[] places,
            ScanBudget budget,
            List<Span> spans) {
        Tries tries = new Tries(text);
        long[] charges = new long[16];
        long[] reads = new long[16];
        for (int r = 0; r < ranges.length / 2 && !budget.exhausted(); r++) {
            int from = leftEdge(edges, ranges[2 * r]);
            int to = rightEdge(edges, text.length(), ranges[2 * r + 1]);
            long sweep = ScanBudget.PER_TRY + (long) (to - from) * weight[d];
            if (to - from > CHUNK) {
                sweepWindow(d, text, symbols, edges, ranges[2 * r], ranges[2 * r + 1], from, to, budget, spans);
                continue;
            }
            // Window edges moved out to token boundaries may overlap the next window's: places are looked up per
            // window.
            int first = firstAtOrAfter(places, from);
            int last = first;
            while (last < places.length && places[last] < to) {
                last++;
            }
            // What the tries would be charged, from the text alone (each at most a bounded try): a window where
            // that passes the sweep is swept as before, so the tries never cost more than the sweep.
            if (last - first > charges.length) {
                charges = new long[last - first];
                reads = new long[last - first];
            }
            long cost = 0;
            for (int k = first; k < last && cost <= sweep; k++) {
                int p = places[k];
                int end = headTryEnd(d, p, to);
                charges[k - first] = ScanBudget.PER_TRY + (long) (end - (p == 0 ? 0 : p - 1)) * weight[d];
                reads[k - first] =
                        hitDfas[d] == null ? -1 : hitDfas[d].ruleOut(symbols, p, end, weight[d], charges[k - first]);
                cost += reads[k - first] >= 0 ? Math.min(reads[k - first], charges[k - first]) : charges[k - first];
            }
            if (cost > sweep) {
                sweepWindow(d, text, symbols, edges, ranges[2 * r], ranges[2 * r + 1], from, to, budget, spans);
                continue;
            }
            int skipUntil = from;
            int previous = -1;
            for (int k = first; k < last && !budget.exhausted(); k++) {
                int p = places[k];
                if (p < skipUntil || p == previous) {
                    continue;
                }
                previous = p;
                if (reads[k - first] >= 0) {
                    // No match can start here: charged what the read cost, never more than the try.
                    budget.spend(Math.min(reads[k - first], charges[k - first]));
                    continue;
                }
                int end = headTryEnd(d, p, to);
                skipUntil = Math.max(skipUntil, tryAt(d, text, symbols, p, end, tries, budget, spans));
            }
        }
    }

    /** One window swept as {@link #sweepWindows} sweeps it: read by the DFA first, matched if it is not ruled out. */
    private void sweepWindow(
            int d,
            String text,
            byte[] symbols,
            TokenEdges edges,
            int windowFrom,
            int windowTo,
            int from,
            int to,
            ScanBudget budget,
            List<Span> spans) {
        long sweep = ScanBudget.PER_TRY + (long) (to - from) * weight[d];
        long read = dfas[d] == null ? -1 : dfas[d].ruleOut(symbols, from, to, weight[d], sweep);
        if (read >= 0) {
            budget.spend(Math.min(sweep, read));
        } else {
            match(d, text, symbols, edges, windowFrom, windowTo, budget, spans);
        }
    }

    /**
     * Where a try at a head reads to: the window's edge, or one char past the longest match from there (enough
     * for a {@code \b} after it), so that a try is bounded; the match it finds is the one the sweep finds there.
     */
    private int headTryEnd(int d, int place, int to) {
        return (int) Math.min(to, (long) place + longestMatch[d] + 1);
    }

    /** Index of the first of the sorted {@code places} at or after {@code position}. */
    private static int firstAtOrAfter(int[] places, int position) {
        int i = Arrays.binarySearch(places, position);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && places[i - 1] == position) {
            i--;
        }
        return i;
    }

    /**
     * Tries a pattern anchored at every place inside its windows where its start classes fit, left to
     * right and skipping places inside the previous match: the same matches a find over each window gives
     * (a match can only start where the classes fit), while RE2J reads only a few chars at most places. A
     * window where the tries would be charged more than a sweep (many places fit) is swept instead, so the
     * budget never pays more than before.
     */
    private void matchAtStarts(
            int d,
            String text,
            byte[] symbols,
            TokenEdges edges,
            int[] ranges,
            WordStarts words,
            ScanBudget budget,
            List<Span> spans) {
        StartClasses.Filter filter = starts[d];
        boolean wordsOnly = filter.atWordStarts();
        Tries tries = new Tries(text);
        int[] places = new int[16];
        int windowCount = ranges.length / 2;
        // First every window's edges and first fitting place, then the DFA reads of the windows that have one, all
        // at once (PatternDfa#ruleOutEach reads two at a time); then each window as before. Edges, places and reads
        // depend on the text alone, so the answers and charges are the same as window by window.
        int[] froms = new int[windowCount];
        int[] tos = new int[windowCount];
        int[] firstPlace = new int[windowCount];
        int[] firstWord = new int[windowCount];
        int lowestWord = 0;
        int readCount = 0;
        int[] readFroms = new int[windowCount];
        int[] readTos = new int[windowCount];
        long[] sweeps = new long[windowCount];
        for (int r = 0; r < windowCount; r++) {
            int from = leftEdge(edges, ranges[2 * r]);
            int to = rightEdge(edges, text.length(), ranges[2 * r + 1]);
            // Window starts only grow (sorted windows, edges moved out monotonically): search from the last one.
            int w = wordsOnly ? words.indexAtOrAfter(from, lowestWord) : 0;
            lowestWord = w;
            int p = wordsOnly ? (w < words.count() ? words.get(w) : to) : from;
            // A window where no place fits is neither tried nor charged, whatever the DFA would say: the
            // cheap class checks go first, and the DFA reads only windows with a place to try.
            while (p < to && !filter.fits(symbols, p)) {
                if (wordsOnly) {
                    w++;
                    p = w < words.count() ? words.get(w) : to;
                } else {
                    p++;
                }
            }
            froms[r] = from;
            tos[r] = to;
            firstPlace[r] = p;
            firstWord[r] = w;
            if (p < to && dfas[d] != null) {
                readFroms[readCount] = from;
                readTos[readCount] = to;
                sweeps[readCount] = ScanBudget.PER_TRY + (long) (to - from) * weight[d];
                readCount++;
            }
        }
        long[] reads = new long[readCount];
        if (readCount > 0) {
            dfas[d].ruleOutEach(symbols, readFroms, readTos, readCount, weight[d], sweeps, reads);
        }
        int nextRead = 0;
        for (int r = 0; r < windowCount && !budget.exhausted(); r++) {
            int from = froms[r];
            int to = tos[r];
            int p = firstPlace[r];
            int w = firstWord[r];
            if (p >= to) {
                continue;
            }
            long sweep = ScanBudget.PER_TRY + (long) (to - from) * weight[d];
            // The DFA read the window first: when it rules a match out, the places are only counted as far as
            // needed to charge no more than the tries would have cost.
            long read = dfas[d] == null ? -1 : reads[nextRead++];
            long enough = read >= 0 ? read : sweep;
            long cost = 0;
            int count = 0;
            while (p < to && cost <= enough) {
                if (filter.fits(symbols, p)) {
                    cost += ScanBudget.PER_TRY + (long) (tryEnd(filter, p, to) - Math.max(0, p - 1)) * weight[d];
                    if (count == places.length) {
                        places = Arrays.copyOf(places, count * 2);
                    }
                    places[count++] = p;
                }
                if (wordsOnly) {
                    w++;
                    p = w < words.count() ? words.get(w) : to;
                } else {
                    p++;
                }
            }
            if (read >= 0) {
                budget.spend(Math.min(read, cost)); // never more than the tries or the sweep would cost
                continue;
            }
            if (count == 0) {
                continue;
            }
            if (cost > sweep) {
                match(d, text, symbols, edges, ranges[2 * r], ranges[2 * r + 1], budget, spans);
                continue;
            }
            int skipUntil = from;
            for (int k = 0; k < count && !budget.exhausted(); k++) {
                int place = places[k];
                if (place < skipUntil) {
                    continue;
                }
                int end = tryEnd(filter, place, to);
                if (startRuledOut(d, symbols, place, end)) {
                    // The try would have found nothing: charged as tryAt would be, so the work is unchanged.
                    budget.spend(ScanBudget.PER_TRY + (long) (end - Math.max(0, place - 1)) * weight[d]);
                    continue;
                }
                skipUntil = Math.max(skipUntil, tryAt(d, text, symbols, place, end, tries, budget, spans));
            }
        }
    }

    /**
     * Sweeps each window of a detector not tried at hits or start places, unless its DFA shows that no match lies
     * in the window (widened to token edges as a sweep would be): such a window is charged what the read costs
     * ({@link PatternDfa#ruleOut}) but never more than what the sweep would, so the budget never pays more than
     * before. A window it cannot rule out costs what it cost before (the read is not charged on top). The reads of
     * all windows come first ({@link PatternDfa#ruleOutEach}); they depend on the text alone.
     */
    private void sweepWindows(
            int d, String text, byte[] symbols, TokenEdges edges, int[] ranges, ScanBudget budget, List<Span> spans) {
        int windowCount = ranges.length / 2;
        int[] froms = new int[windowCount];
        int[] tos = new int[windowCount];
        long[] sweeps = new long[windowCount];
        for (int r = 0; r < windowCount; r++) {
            froms[r] = leftEdge(edges, ranges[2 * r]);
            tos[r] = rightEdge(edges, text.length(), ranges[2 * r + 1]);
            sweeps[r] = ScanBudget.PER_TRY + (long) (tos[r] - froms[r]) * weight[d];
        }
        long[] reads = new long[windowCount];
        if (dfas[d] != null) {
            dfas[d].ruleOutEach(symbols, froms, tos, windowCount, weight[d], sweeps, reads);
        } else {
            Arrays.fill(reads, -1);
        }
        for (int r = 0; r < windowCount && !budget.exhausted(); r++) {
            if (reads[r] >= 0) {
                budget.spend(Math.min(sweeps[r], reads[r]));
                continue;
            }
            match(d, text, symbols, edges, ranges[2 * r], ranges[2 * r + 1], budget, spans);
        }
    }

    /**
     * Whether the detector's anchored DFA shows that no match starts at {@code place} within {@code end}. Not
     * asked where the place is the second half of a surrogate pair: the try's context char would then be the
     * whole pair, and its match would start one char later.
     */
    private boolean startRuledOut(int d, byte[] symbols, int place, int end) {
        PatternDfa dfa = startDfas[d];
        return dfa != null
                && (symbols[place] & 0xFF) != Symbols.SKIP
                && dfa.ruleOut(symbols, place, end, weight[d], Long.MAX_VALUE) >= 0;
    }

    private static int tryEnd(StartClasses.Filter filter, int place, int to) {
        return (int) Math.min(to, (long) place + filter.maxLength() + 1);
    }

    /** The two anchored matchers of one detector's tries, made on first use and reset for each try. */
    private static final class Tries {
        final Slice slice;
        Matcher atStart;
        Matcher afterOne;

        Tries(String text) {
            this.slice = new Slice(text);
        }
    }

    /**
     * Tries the pattern anchored at {@code h} on the region up to {@code to}, with one char of context
     * before it so that {@code \b} and similar see the real text; charged up front for the whole region.
     *
     * @return the end of the match, or -1 without one (or when the budget is spent)
     */
    private int tryAt(
            int d, String text, byte[] symbols, int h, int to, Tries tries, ScanBudget budget, List<Span> spans) {
        // One char before the hit goes into the region so that \b and similar see the real context.
        int from = h == 0 ? 0 : h - 1;
        if (!budget.spend(ScanBudget.PER_TRY + (long) (to - from) * weight[d])) {
            return -1;
        }
        // Not where h is the second half of a surrogate pair: the context char would then be the whole pair.
        if (exact[d] != null && (symbols[h] & 0xFF) != Symbols.SKIP) {
            int end = exact[d].matchAt(symbols, from, h, to);
            if (end >= 0) {
                keep(d, text, h, end, spans);
            }
            return end;
        }
        if (strictAt[d] != null
                && (symbols[h] & 0xFF) != Symbols.SKIP
                && !strictAt[d].mayMatchAt(symbols, h, to, h > 0 && StartClasses.isWordSymbol(symbols[h - 1]))) {
            return -1; // RE2J would find no match here: the try is charged above, as it would have been
        }
        tries.slice.set(from, to);
        Matcher matcher;
        if (h == 0) {
            tries.atStart =
                    tries.atStart == null ? anchoredAt[d].matcher(tries.slice) : tries.atStart.reset(tries.slice);
            matcher = tries.atStart;
        } else {
            tries.afterOne =
                    tries.afterOne == null ? withContext[d].matcher(tries.slice) : tries.afterOne.reset(tries.slice);
            matcher = tries.afterOne;
        }
        if (!matcher.lookingAt()) {
            return -1;
        }
        if (tails[d] != null) {
            // The lazy copy found the group's start; its greedy end is the match's end (the group closes it).
            int group = 1;
            while (matcher.start(group) < 0) {
                group++;
            }
            int start = from + matcher.start(group);
            // Never short of the lazy match's end: the greedy run closes there at least.
            int end = Math.max(tails[d].end(text, start, to), from + matcher.end());
            keep(d, text, start, end, spans);
            return end;
        }
        accept(d, text, matcher, from, from == h ? 0 : 1, spans);
        return from + matcher.end();
    }

    private static int rightEdge(TokenEdges edges, int length, int windowTo) {
        return edges.nextNonToken(windowTo, (int) Math.min(length, (long) windowTo + EDGE_SLACK));
    }

    /** One linear pass over the digit runs, opening windows for the digit-anchored detectors. */
    private void addDigitRuns(byte[] symbols, Windows windows) {
        SymbolRuns.digits(symbols, (start, end) -> {
            int length = end - start;
            if (length < byDigitRun.length) {
                for (int d : byDigitRun[length]) {
                    windows.add(d, start, end, windowOf[d]);
                }
            }
            return true;
        });
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

    /** How far a window edge may move outward so that it does not cut a token in two. */
    static final int EDGE_SLACK = 128;

    /** Merged windows are matched a chunk at a time, so that the budget is checked between chunks. */
    static final int CHUNK = 16 * 1024;

    private void match(
            int d,
            String text,
            byte[] symbols,
            TokenEdges edges,
            int windowFrom,
            int windowTo,
            ScanBudget budget,
            List<Span> spans) {
        // A chunk reads on past its end by the detector's window, so a match that starts in it is seen whole;
        // matches starting past its end belong to the next chunk.
        int overlap = detectors.get(d).window() + EDGE_SLACK;
        Slice slice = new Slice(text);
        int chunkFrom = windowFrom;
        int accepted = windowFrom;
        while (chunkFrom < windowTo) {
            int chunkTo = Math.min(windowTo, chunkFrom + CHUNK);
            // A window edge inside a token would let the pattern see a truncated token: a real secret could
            // fail its validator, or a longer number could pass as a card. So edges move out to token
            // boundaries; where the previous chunk's last match ended, matching resumes right there.
            int from = chunkFrom == accepted ? leftEdge(edges, chunkFrom) : accepted;
            int to = rightEdge(edges, text.length(), Math.min(windowTo, chunkTo + (chunkTo < windowTo ? overlap : 0)));
            if (!budget.spend(ScanBudget.PER_TRY + (long) (to - from) * weight[d])) {
                return;
            }
            int lastEnd = chunkTo;
            if (exact[d] != null) {
                lastEnd = matchExactly(
                        d,
                        text,
                        symbols,
                        from,
                        to,
                        chunkTo < windowTo ? chunkTo : -1,
                        chunkFrom == windowFrom ? -1 : accepted,
                        lastEnd,
                        spans);
                accepted = lastEnd;
                chunkFrom = Math.max(chunkTo, lastEnd);
                continue;
            }
            if (strictIn[d] != null && !strictIn[d].mayMatchIn(symbols, from, to)) {
                // RE2J would find no match in the region (charged above, as before): on to the next chunk.
                accepted = chunkTo;
                chunkFrom = chunkTo;
                continue;
            }
            // An edge that could not reach its token's start within EDGE_SLACK, or matching resumed after a match,
            // leaves a token char just before the region: RE2J would read the region's start as the text's, where
            // \b and ^ hold. One char of context before it keeps them true to the text; no match starts in it.
            int context = from > 0 && edges.isTokenChar(from - 1) ? 1 : 0;
            int base = from - context;
            Matcher matcher = detectors.get(d).pattern().matcher(slice.set(base, to));
            int at = context;
            while (at <= to - base && find(d, matcher, text, symbols, base, to, at)) {
                // Where find() would go on: after the match, one further after an empty one.
                at = matcher.end() + (matcher.end() == matcher.start() ? 1 : 0);
                int start = base + matcher.start();
                if (chunkTo < windowTo && start >= chunkTo) {
                    break;
                }
                if (chunkFrom == windowFrom || start >= accepted) {
                    accept(d, text, matcher, base, 0, spans);
                    lastEnd = Math.max(lastEnd, base + matcher.end());
                }
            }
            accepted = lastEnd;
            chunkFrom = Math.max(chunkTo, lastEnd);
        }
    }

    /**
     * The loop of {@link #match} over one chunk's region with the detector's {@link FirstMatchDfa} instead of RE2J:
     * the same matches in the same order (its matches are never empty), so the same spans are kept.
     *
     * @param stopAt matches starting here or later belong to the next chunk; -1 for the last chunk
     * @param keepFrom only matches starting here or later are kept (the previous chunk kept those before); -1
     *     for the first chunk
     * @return the end of the last kept match, or {@code lastEnd} when it is further
     */
    private int matchExactly(
            int d,
            String text,
            byte[] symbols,
            int from,
            int to,
            int stopAt,
            int keepFrom,
            int lastEnd,
            List<Span> spans) {
        FirstMatchDfa dfa = exact[d];
        int at = from;
        long found;
        while (at <= to && (found = dfa.find(symbols, from, to, skip(d, symbols, at, to))) >= 0) {
            int start = (int) (found >>> 32);
            int end = (int) found;
            at = end;
            if (stopAt >= 0 && start >= stopAt) {
                break;
            }
            if (keepFrom < 0 || start >= keepFrom) {
                keep(d, text, start, end, spans);
                lastEnd = Math.max(lastEnd, end);
            }
        }
        return lastEnd;
    }

    /**
     * Where a search from {@code at} can start instead: no match starts before the detector's DFA's first accepting
     * char less {@link #reach} (as in {@link #find}); {@code to} when the DFA never accepts again.
     */
    private int skip(int d, byte[] symbols, int at, int to) {
        PatternDfa dfa = dfas[d];
        if (dfa == null || at >= to) {
            return at;
        }
        int firstEnd = dfa.firstMatchEnd(symbols, at, to);
        return firstEnd < 0 ? to : (int) Math.max(at, (long) firstEnd - reach[d]);
    }

    /**
     * What {@code matcher.find()} gives from {@code at} in the region {@code [from, to)}, without RE2J reading
     * the stretch the detector's DFA rules out: no match starting at or after {@code at} ends before the DFA's
     * first accepting char, so the leftmost one starts at most {@link #reach} chars before it, and none at all
     * when the DFA never accepts. RE2J still starts inside the region, so it sees the same context chars.
     */
    private boolean find(int d, Matcher matcher, String text, byte[] symbols, int from, int to, int at) {
        PatternDfa dfa = dfas[d];
        if (dfa == null) {
            return matcher.find(at);
        }
        int firstEnd = dfa.firstMatchEnd(symbols, from + at, to);
        if (firstEnd < 0) {
            return false;
        }
        int place = (int) Math.max(from + at, (long) firstEnd - reach[d]);
        // A place inside a surrogate pair would split the code point RE2J reads from an earlier start.
        while (place > from + at && Character.isSurrogate(text.charAt(place))) {
            place--;
        }
        return matcher.find(place - from);
    }

    private static int leftEdge(TokenEdges edges, int windowFrom) {
        return edges.afterPreviousNonToken(windowFrom, Math.max(0, windowFrom - EDGE_SLACK));
    }

    /**
     * Validates the value of a match found in a region starting at {@code from} and keeps it as a span;
     * {@code lead} chars of a whole match are context the pattern was made to consume, not value.
     */
    private void accept(int d, String text, Matcher matcher, int from, int lead, List<Span> spans) {
        // The value is the first capturing group that took part (patterns with alternatives capture the
        // value in a different group per alternative); without one, the whole match.
        int start;
        int end;
        // The context char before a try is one char unless it is a surrogate (then RE2J may read a pair as one).
        if (wholeValue[d] && (lead == 0 || !Character.isSurrogate(text.charAt(from + matcher.start())))) {
            start = from + matcher.start() + lead;
            end = from + matcher.end();
        } else {
            int group = 0;
            for (int g = 1; g <= matcher.groupCount() && group == 0; g++) {
                group = matcher.start(g) >= 0 ? g : 0;
            }
            start = from + matcher.start(group) + (group == 0 ? lead : 0);
            end = from + matcher.end(group);
        }
        keep(d, text, start, end, spans);
    }

    /** Keeps the value {@code [start, end)} as a span when it passes the detector's validator and no phrase suppresses it. */
    private void keep(int d, String text, int start, int end, List<Span> spans) {
        String value = text.substring(start, end);
        if (validators.get(d).test(value) && !suppressed(d, text, start, end)) {
            spans.add(new Span(d, start, end));
        }
    }
}
