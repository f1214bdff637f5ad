package io.sigil.core.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Settles findings that cover the same chars: a catch-all detector ({@code password=...}) gives way to a
 * specific one (a Stripe key) that overlaps it, and two detectors of the same category on the same span
 * are reported once. Findings of different specific categories are all kept, each a real leak, except a number
 * inside a longer finding (the digits of a spaced IBAN or of a Slack token are not also a card).
 * O(n log n), since an adversarial text can produce many findings.
 */
final class Overlaps {

    private Overlaps() {}

    /**
     * As {@link #resolve(List, Predicate, Comparator)}, and then a finding made of digits and separators only that
     * lies inside a longer finding of another category is dropped: the digits of a spaced IBAN are not also a card.
     * The longer finding covers those chars, so nothing goes unmasked. Only findings {@code mayHold} accepts hold
     * others (not the marker of an incomplete scan, which spans the whole text).
     */
    static List<Finding> resolve(
            List<Finding> findings,
            Predicate<Finding> generic,
            Predicate<Finding> digitsOnly,
            Predicate<Finding> mayHold,
            Comparator<Finding> order) {
        List<Finding> kept = resolve(findings, generic, order);
        if (kept.size() < 2) {
            return kept; // nothing to hold or be held: most scans of a short value end here, with no allocation
        }
        List<Finding> byReach = new ArrayList<>(kept);
        byReach.sort(Comparator.comparingInt(Finding::start)
                .thenComparing(Comparator.comparingInt(Finding::end).reversed()));
        Set<Finding> inside = Collections.newSetFromMap(new IdentityHashMap<>());
        int maxEnd = -1;
        int startAtMax = Integer.MAX_VALUE;
        String categoryAtMax = null;
        for (Finding f : byReach) {
            // Every finding seen so far starts at or before f; one ending after f, or at f's end but starting
            // before it, holds f strictly.
            boolean held = maxEnd > f.end() || (maxEnd == f.end() && startAtMax < f.start());
            if (held && !f.category().equals(categoryAtMax) && digitsOnly.test(f)) {
                inside.add(f);
                continue;
            }
            if (mayHold.test(f) && f.end() > maxEnd) {
                maxEnd = f.end();
                startAtMax = f.start();
                categoryAtMax = f.category();
            }
        }
        if (inside.isEmpty()) {
            return kept;
        }
        List<Finding> out = new ArrayList<>(kept.size() - inside.size());
        for (Finding f : kept) {
            if (!inside.contains(f)) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    static List<Finding> resolve(List<Finding> findings, Predicate<Finding> generic, Comparator<Finding> order) {
        findings.sort(order);
        List<Finding> specific = new ArrayList<>();
        for (Finding f : findings) {
            if (!generic.test(f)) {
                specific.add(f);
            }
        }
        // Specific findings are sorted by start; maxEnd[i] is the largest end among the first i + 1.
        int[] maxEnd = new int[specific.size()];
        for (int i = 0; i < maxEnd.length; i++) {
            maxEnd[i] = Math.max(i == 0 ? 0 : maxEnd[i - 1], specific.get(i).end());
        }
        List<Finding> kept = new ArrayList<>(findings.size());
        Finding previous = null;
        for (Finding f : findings) {
            boolean duplicate = previous != null
                    && previous.start() == f.start()
                    && previous.end() == f.end()
                    && previous.category().equals(f.category());
            if (!duplicate && !(generic.test(f) && overlapsSpecific(f, specific, maxEnd))) {
                kept.add(f);
                previous = f;
            }
        }
        return List.copyOf(kept);
    }

    /** Whether a specific finding starting before f ends ends after f starts. */
    private static boolean overlapsSpecific(Finding f, List<Finding> specific, int[] maxEnd) {
        int lo = 0;
        int hi = specific.size() - 1;
        int last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (specific.get(mid).start() < f.end()) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return last >= 0 && maxEnd[last] > f.start();
    }
}
