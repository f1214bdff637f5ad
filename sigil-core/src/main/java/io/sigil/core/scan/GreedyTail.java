package io.sigil.core.scan;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * For a pattern each of whose alternatives ends with its only capturing group, a greedy run of one class closed
 * by one char of another ({@code ([^\s"']{7,127}[^\s"'.])}): a copy whose runs are lazy, which RE2J matches a few
 * chars into the run instead of the whole run, and the greedy end found by one scan. The copy takes the same
 * alternative and the same path up to the group (that part's choices come first, and a run can close at the same
 * places whether it is greedy or not), so the group starts where it would; {@link #end} gives where it would end.
 * Immutable and thread-safe.
 */
final class GreedyTail {

    /** The closing group: a negated class of ASCII non-letters, its counts, and the closing class of the same kind. */
    private static final java.util.regex.Pattern GROUP = java.util.regex.Pattern.compile(
            "\\((\\[\\^(?:[^\\]\\\\A-Za-z]|\\\\[^A-Za-z]|\\\\s)+\\])\\{([0-9]{1,3}),([0-9]{1,3})\\}"
                    + "(\\[\\^(?:[^\\]\\\\A-Za-z]|\\\\[^A-Za-z]|\\\\s)+\\])\\)$");

    /** Non-ASCII code points a negated class of ASCII non-letters must hold (folding, surrogates, replacement). */
    private static final int[] NON_ASCII_PROBES = {0xE9, 0x17F, 0x212A, 0xFFFD, 0xD800, 0xDC00, 0x1F600, 0xA0};

    private final Pattern lazy;
    private final boolean[] run;
    private final boolean[] close;
    private final int min;
    private final int max;

    private GreedyTail(Pattern lazy, boolean[] run, boolean[] close, int min, int max) {
        this.lazy = lazy;
        this.run = run;
        this.close = close;
        this.min = min;
        this.max = max;
    }

    /** The tail of {@code pattern}, or null when it is not of that shape. */
    static GreedyTail of(Pattern pattern) {
        String source = pattern.pattern();
        List<String> alternatives = topLevelAlternatives(source);
        String group = null;
        StringBuilder lazySource = new StringBuilder();
        for (String alternative : alternatives) {
            Matcher m = GROUP.matcher(alternative);
            if (!m.find() || captures(alternative) != 1 || !RegexSource.structural(alternative)[m.start()]) {
                return null; // the group must be the alternative's only one, and a real group (not an escaped paren)
            }
            if (group != null && !group.equals(m.group())) {
                return null; // one run and closing class for all, so that one scan serves every alternative
            }
            group = m.group();
            if (lazySource.length() > 0) {
                lazySource.append('|');
            }
            lazySource
                    .append(alternative, 0, m.start())
                    .append('(')
                    .append(m.group(1))
                    .append('{')
                    .append(m.group(2))
                    .append(',')
                    .append(m.group(3))
                    .append("}?")
                    .append(m.group(4))
                    .append(')');
        }
        if (group == null) {
            return null;
        }
        Matcher m = GROUP.matcher(group);
        if (!m.find()) {
            return null;
        }
        int min = Integer.parseInt(m.group(2));
        int max = Integer.parseInt(m.group(3));
        boolean[] run = members(m.group(1));
        boolean[] close = members(m.group(4));
        if (run == null || close == null || min > max) {
            return null;
        }
        return new GreedyTail(Pattern.compile(lazySource.toString(), pattern.flags()), run, close, min, max);
    }

    /** The copy of the pattern with lazy runs. */
    Pattern lazy() {
        return lazy;
    }

    /**
     * Where the greedy group that starts at {@code start} ends, reading no further than {@code to} (the region's
     * end, which RE2J does not read past either), in code points as RE2J counts; -1 when it cannot close.
     */
    int end(CharSequence text, int start, int to) {
        int best = -1;
        int pos = start;
        for (int taken = 0; pos < to; taken++) {
            char c = text.charAt(pos);
            int length = 1;
            int codePoint = c;
            if (Character.isHighSurrogate(c) && pos + 1 < to && Character.isLowSurrogate(text.charAt(pos + 1))) {
                codePoint = Character.toCodePoint(c, text.charAt(pos + 1));
                length = 2;
            }
            if (taken >= min && in(close, codePoint)) {
                best = pos + length;
            }
            if (taken >= max || !in(run, codePoint)) {
                break;
            }
            pos += length;
        }
        return best;
    }

    private static boolean in(boolean[] ascii, int codePoint) {
        return codePoint >= 128 || ascii[codePoint]; // a negated class of ASCII chars holds every other one
    }

    /** ASCII members of the class as RE2J reads it, or null when it does not hold every non-ASCII probe. */
    private static boolean[] members(String charClass) {
        Pattern compiled = Pattern.compile(charClass);
        boolean[] members = new boolean[128];
        for (char c = 0; c < 128; c++) {
            members[c] = compiled.matches(String.valueOf(c));
        }
        for (int probe : NON_ASCII_PROBES) {
            if (!compiled.matches(new String(Character.toChars(probe)))) {
                return null;
            }
        }
        return members;
    }

    /** The pattern's alternatives at depth 0, or one when it has none. */
    private static List<String> topLevelAlternatives(String source) {
        boolean[] syntax = RegexSource.structural(source);
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < source.length(); i++) {
            if (!syntax[i]) {
                continue;
            }
            char c = source.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(source.substring(from, i));
                from = i + 1;
            }
        }
        out.add(source.substring(from));
        return out;
    }

    /** Capturing groups in a piece of source (a {@code (} not followed by {@code ?}, or a named group). */
    private static int captures(String source) {
        if (source.contains("\\Q")) {
            return -1;
        }
        boolean[] syntax = RegexSource.structural(source);
        int count = 0;
        for (int i = 0; i < source.length(); i++) {
            if (syntax[i]
                    && source.charAt(i) == '('
                    && (!source.startsWith("?", i + 1)
                            || source.startsWith("?P<", i + 1)
                            || source.startsWith("?<", i + 1))) {
                count++;
            }
        }
        return count;
    }
}
