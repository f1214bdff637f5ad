package io.sigil.core.scan;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Objects;

/**
 * A declarative detector: a keyword-gated RE2J pattern plus an optional validator. The first capturing
 * group that took part in a match is the finding (and what the validator sees); without one, the whole
 * match is.
 *
 * <p>A detector without keywords must be {@code alwaysRun}: its pattern then runs over the whole text
 * (or, with a {@code digitAnchor}, around digit runs of a plausible length), which is still linear (RE2J)
 * but not gated, so such patterns must be anchored by structure (fixed prefixes, digit groups, word
 * boundaries), use bounded repetition only, and be confirmed by a validator to keep false positives down.
 * A keyword-gated detector may add a {@code digitAnchor} as a second gate (a compact national id found
 * without its context word).
 *
 * @param id unique id across all loaded packs
 * @param pack the name of the pack that declared it, e.g. {@code sigil-scanner-cloud}
 * @param category the category reported to the vault and the audit trail
 * @param severity how harmful a leak would be
 * @param pattern the confirming pattern, compiled under RE2J (linear time)
 * @param keywords ASCII literals, matched case-insensitively, that gate the pattern
 * @param validator a validator spec ({@code luhn}, {@code entropy:3.5}) or {@code null}
 * @param alwaysRun whether the pattern runs without keyword gating (required when there are no keywords)
 * @param digitAnchor the digit runs windows are (also) placed around, or
 *     {@code null} to run over the whole text
 * @param window how many chars around each keyword hit the pattern may look at
 * @param suppressNear ASCII phrases that, found just before or after a match (case-insensitively), mark it
 *     as documentation rather than data (e.g. {@code test card} before a well-known test number)
 * @param generic whether this is a catch-all (e.g. any {@code password=} assignment) that gives way to a
 *     specific detector's finding overlapping it
 * @param positives example texts the detector must find
 * @param negatives example texts the detector must not find
 */
public record Detector(
        String id,
        String pack,
        String category,
        Severity severity,
        Pattern pattern,
        List<String> keywords,
        String validator,
        boolean alwaysRun,
        DigitAnchor digitAnchor,
        int window,
        List<String> suppressNear,
        boolean generic,
        List<String> positives,
        List<String> negatives) {

    /** Default look-around for a keyword hit: enough for every token format in the core pack. */
    public static final int DEFAULT_WINDOW = 256;

    /** Upper bound on the window, so that the work per hit stays bounded. */
    public static final int MAX_WINDOW = 8192;

    /** How far before a match (in chars) a {@code suppressNear} phrase counts. */
    public static final int SUPPRESS_BEFORE = 48;

    /** How far after a match (in chars) a {@code suppressNear} phrase counts. */
    public static final int SUPPRESS_AFTER = 24;

    public Detector {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pattern, "pattern");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        suppressNear = suppressNear == null ? List.of() : List.copyOf(suppressNear);
        positives = positives == null ? List.of() : List.copyOf(positives);
        negatives = negatives == null ? List.of() : List.copyOf(negatives);
        if (keywords.isEmpty() && !alwaysRun) {
            throw new IllegalArgumentException("detector '" + id + "' has no keywords and is not alwaysRun");
        }
        if (!keywords.isEmpty() && alwaysRun) {
            throw new IllegalArgumentException("detector '" + id + "' is alwaysRun but has keywords");
        }
        for (String keyword : keywords) {
            if (keyword.isEmpty() || !keyword.chars().allMatch(c -> c > 0 && c < 128)) {
                throw new IllegalArgumentException("detector '" + id + "': keywords must be non-empty ASCII");
            }
        }
        for (String phrase : suppressNear) {
            if (phrase.isEmpty() || !phrase.chars().allMatch(c -> c > 0 && c < 128)) {
                throw new IllegalArgumentException(
                        "detector '" + id + "': suppressNear phrases must be non-empty ASCII");
            }
        }
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("detector '" + id + "': window must be in 1.." + MAX_WINDOW);
        }
    }

    /**
     * The structural gate of a keyword-less detector: its pattern only looks at windows around runs of
     * ASCII digits whose length is in {@code [min, max]} (e.g. card numbers, IBANs). A run longer than
     * {@code max} cannot be such a value, so a megabyte of digits costs one pass and no regex.
     */
    public record DigitAnchor(int min, int max) {
        public DigitAnchor {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("digitAnchor needs 1 <= min <= max");
            }
        }
    }
}
